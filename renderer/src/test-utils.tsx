import { render } from '@testing-library/react';
import { DatesProvider } from '@mantine/dates';
import { MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import type { Handlers } from '../../shared/contract';
import { fakeCall } from './api/call';
import { CallProvider } from './api/CallProvider';
import { theme } from './theme';

/** Renders a page with the app's providers and a fake service built from the given handlers. */
export function renderWith(ui: ReactElement, handlers: Partial<Handlers>) {
  return render(
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn' }}>
        <CallProvider call={fakeCall(handlers)}>{ui}</CallProvider>
      </DatesProvider>
    </MantineProvider>,
  );
}
