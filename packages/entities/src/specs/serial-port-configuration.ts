import { defineEntity } from '../define-entity.js';

export const SerialPortConfiguration = defineEntity({
  name: 'SerialPortConfiguration',
  description: 'Serial Port Configuration: the WMI class Win32_SerialPortConfiguration in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'BaudRate', type: 'long', doc: 'Baud rate (Win32_SerialPortConfiguration.BaudRate).' },
    { name: 'BitsPerByte', type: 'long', doc: 'Bits per byte (Win32_SerialPortConfiguration.BitsPerByte).' },
    { name: 'Parity', type: 'string', doc: 'Parity (Win32_SerialPortConfiguration.Parity).' },
    { name: 'StopBits', type: 'string', doc: 'Stop bits (Win32_SerialPortConfiguration.StopBits).' },
    { name: 'IsBusy', type: 'bool', doc: 'Is busy: true or false (Win32_SerialPortConfiguration.IsBusy).' },
    { name: 'AbortReadWriteOnError', type: 'bool', doc: 'Abort read write on error: true or false (Win32_SerialPortConfiguration.AbortReadWriteOnError).' },
  ],
  examples: [
    'SerialPortConfiguration | project Name, BaudRate, BitsPerByte, Parity',
    'SerialPortConfiguration | where IsBusy == true | project Device, Name, BaudRate',
  ],
});
