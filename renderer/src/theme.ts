import { createTheme } from '@mantine/core';

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** Restrained, government-office look: one deep blue, readable CJK fonts, compact spacing. */
export const theme = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '600' },
  primaryColor: 'blue',
  defaultRadius: 'sm',
  colors: {
    blue: ['#e8f0fa', '#cfdff2', '#a0bee6', '#6d9ad9', '#4780cd', '#2f6fc4', '#2264b5', '#1a539a', '#13478a', '#073b78'],
  },
  primaryShade: 7,
});
