import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell as electronShell, dialog } from 'electron';
import { join } from 'node:path';
import { createApp, type App } from '../core/composition';
import { CSP } from '../core/kernel/renderer-assets';
import { APP_SCHEME, createAppProtocolHandler, PRIVILEGED_SCHEMES, rendererUrlFor } from './app-protocol';
import { registerIpc } from './ipc';
import { lockDownContents, lockDownSession, SECURE_WEB_PREFERENCES } from './window';

// The desktop shell: one window, IPC to the same core the browser mode uses. Everything else lives in electron/core.

const rendererDir = join(import.meta.dirname, '../renderer');
// The built renderer is served from app://normdesk/ (a custom protocol), never file://; the dev server only in
// development (a packaged app ignores ELECTRON_RENDERER_URL: see rendererUrlFor).
const rendererUrl = rendererUrlFor(process.env, app.isPackaged);

// Must happen before the app is ready: the scheme becomes a standard, secure origin.
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: App | null = null;
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, rendererUrl));

  app.whenReady().then(() => {
    try {
      core = createApp({
        dataDir: app.getPath('userData'),
        shell: 'electron',
        resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : undefined,
      });
    } catch (err) {
      dialog.showErrorBox('NormDesk 无法打开数据库', (err as Error).message);
      app.quit();
      return;
    }
    lockDownSession(session.defaultSession, CSP);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, CSP));
    registerIpc(ipcMain, core, rendererUrl, core.services.accounts);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate([
        { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
        { label: '编辑', submenu: [{ role: 'undo', label: '撤销' }, { role: 'redo', label: '重做' }, { type: 'separator' }, { role: 'cut', label: '剪切' }, { role: 'copy', label: '复制' }, { role: 'paste', label: '粘贴' }, { role: 'selectAll', label: '全选' }] },
        { label: '视图', submenu: [{ role: 'reload', label: '重新加载' }, { role: 'resetZoom', label: '实际大小' }, { role: 'zoomIn', label: '放大' }, { role: 'zoomOut', label: '缩小' }, { role: 'togglefullscreen', label: '全屏' }] },
        { label: '帮助', submenu: [{ label: `关于 NormDesk ${app.getVersion()}`, click: () => void electronShell.beep() }] },
      ]),
    );
    win = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 640,
      title: 'NormDesk 规范性文件管理与公报编辑',
      show: false,
      icon: join(app.isPackaged ? join(process.resourcesPath, 'resources') : join(import.meta.dirname, '../../resources'), 'icons', 'icon.png'),
      webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/index.cjs') },
    });
    win.once('ready-to-show', () => win?.show());
    void win.loadURL(rendererUrl);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.exit(0));
  });
}
