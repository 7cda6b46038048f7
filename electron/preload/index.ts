import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { createPreloadApi } from './api';

// Sandboxed preload: the only bridge between the page and the main process.
contextBridge.exposeInMainWorld('normdesk', createPreloadApi(ipcRenderer, CHANNELS));
