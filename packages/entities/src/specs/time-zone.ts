import { defineEntity } from '../define-entity.js';

export const TimeZone = defineEntity({
  name: 'TimeZone',
  description: "The device's time zone (Win32_TimeZone on Windows; /etc/localtime and the tz database on Linux). One row.",
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Caption', type: 'string', doc: "The zone with its standard offset, Windows-style: '(UTC+01:00) Europe/Berlin'." },
    { name: 'Description', type: 'string', doc: 'The same as Caption.' },
    { name: 'StandardName', type: 'string', doc: "The name of standard time ('Central European Standard Time')." },
    { name: 'DaylightName', type: 'string', doc: 'The name of daylight saving time (StandardName when the zone has none).' },
    { name: 'Bias', type: 'long', doc: 'Standard time minus UTC in minutes (local = UTC + Bias), as WMI reports it: 60 for Berlin, −480 for Los Angeles.' },
    { name: 'StandardBias', type: 'long', doc: 'Added to Bias during standard time, in minutes: always 0.' },
    { name: 'DaylightBias', type: 'long', doc: 'As Windows reports it, minutes: −60 where clocks go forward an hour in summer, 0 without daylight saving.' },
    { name: 'SettingID', type: 'string', doc: "A Windows setting id; ''." },
    { name: 'Name', type: 'string', doc: "Linux: the IANA zone name ('Europe/Berlin', 'Etc/UTC')." },
    { name: 'CurrentOffset', type: 'long', doc: 'Linux: the offset from UTC now, in minutes east, daylight saving included (`date +%z`).' },
    { name: 'Abbreviation', type: 'string', doc: "Linux: the zone abbreviation now ('CET', 'CEST', 'UTC'; `date +%Z`)." },
    { name: 'DaylightInEffect', type: 'bool', doc: 'True when daylight saving time is in effect now.' },
  ],
  examples: [
    'TimeZone | project Caption, StandardName, Bias',
    'TimeZone | summarize count() by Caption',
    "TimeZone | where Name != 'Etc/UTC' | project Name, Abbreviation, CurrentOffset",
  ],
});
