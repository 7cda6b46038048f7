import { Button, Group, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { ErrorAlert } from '../common/ErrorAlert';
import { readAsBase64 } from '../import/read-file';
import { PublishedResult, type PublishedNotice } from './PublishedResult';

/** 文件清理 → a cleanup result published elsewhere: pick its text, then check and apply its annex lists. */
export function PublishedImport() {
  const call = useCall();
  const fileRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<PublishedNotice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const [parsed] = await call('import:parse', { files: [{ name: file.name, dataBase64: await readAsBase64(file) }] });
      if (parsed.error) throw new Error(parsed.error);
      const found = parsed.documents.find((d) => d.cleanup?.items.length);
      if (!found?.cleanup) return setError(`“${file.name}”中没有找到印有清理结果目录（继续有效、修改、废止、宣布失效）的通知`);
      setNotice({ title: found.title, docNumber: found.docNumber?.normalized ?? null, dateSigned: found.dateSigned, issuer: found.issuers?.[0] ?? null, items: found.cleanup.items });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" loading={busy} onClick={() => fileRef.current?.click()}>
          选择清理结果通知（.txt/.docx/.pdf/.ofd）…
        </Button>
        <input ref={fileRef} type="file" accept=".txt,.docx,.pdf,.ofd" style={{ display: 'none' }} aria-label="选择清理结果通知" onChange={(e) => {
          void read(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }} />
      </Group>
      <ErrorAlert message={error} onClose={() => setError(null)} />
      {notice && <PublishedResult key={`${notice.docNumber}-${notice.items.length}`} notice={notice} />}
    </Stack>
  );
}
