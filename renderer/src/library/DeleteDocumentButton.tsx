import { useCall } from '../api/CallProvider';
import { TrashButton } from '../common/TrashButton';
import { navigate } from '../shell/router';

/** 删除: moves the document to the trash after a confirmation, then returns to the library. */
export function DeleteDocumentButton({ id, title }: { id: string; title: string }) {
  const call = useCall();
  return (
    <TrashButton
      heading="删除文件"
      explanation={`将《${title}》移入回收站？它将从文件库、检索和状态统计中消失，与其他文件的关系一并保存，可随时在回收站中恢复。`}
      remove={() => call('documents:delete', { id })}
      done={() => navigate({ name: 'library' })}
    />
  );
}
