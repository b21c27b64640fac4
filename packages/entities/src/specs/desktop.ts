import { defineEntity } from '../define-entity.js';

export const Desktop = defineEntity({
  name: 'Desktop',
  description: 'Desktop: the WMI class Win32_Desktop in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'Name (Win32_Desktop.Name): desktop profile.' },
    { name: 'ScreenSaverActive', type: 'bool', doc: 'Screen saver active: true or false (Win32_Desktop.ScreenSaverActive).' },
    { name: 'ScreenSaverExecutable', type: 'string', doc: 'Screen saver executable (Win32_Desktop.ScreenSaverExecutable).' },
    { name: 'ScreenSaverSecure', type: 'bool', doc: 'Screen saver secure: true or false (Win32_Desktop.ScreenSaverSecure).' },
    { name: 'ScreenSaverTimeout', type: 'long', doc: 'Screen saver timeout (Win32_Desktop.ScreenSaverTimeout), in seconds.' },
    { name: 'Wallpaper', type: 'string', doc: 'Wallpaper (Win32_Desktop.Wallpaper).' },
    { name: 'BorderWidth', type: 'long', doc: 'Border width (Win32_Desktop.BorderWidth).' },
  ],
  examples: [
    'Desktop | project Name, ScreenSaverActive, ScreenSaverExecutable, ScreenSaverSecure',
    'Desktop | where ScreenSaverActive == true | project Device, Name, ScreenSaverExecutable',
  ],
});
