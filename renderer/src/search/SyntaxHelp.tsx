import { Code, List, Text } from '@mantine/core';

/** The query language in one glance. */
export function SyntaxHelp() {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        检索语法
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          空格分隔多个词，须全部出现：<Code>婴幼儿 照护</Code>
        </List.Item>
        <List.Item>
          引号内为完整短语：<Code>"自印发之日起施行"</Code>
        </List.Item>
        <List.Item>
          减号排除：<Code>补贴 -农机</Code>
        </List.Item>
        <List.Item>
          限定字段：<Code>标题:办法</Code> <Code>文号:招政发〔2018〕27号</Code> <Code>机关:招远市</Code> <Code>正文:有效期</Code>
        </List.Item>
        <List.Item>文号任意写法均可：〔〕 [] () （） 【】、空格、前导零</List.Item>
      </List>
    </div>
  );
}
