import { defineEntity } from '../define-entity.js';

export const OfficeVbaRuleViolation = defineEntity({
  name: 'OfficeVbaRuleViolation',
  description: 'Office Vba Rule Violation: the WMI class CCM_OfficeVbaRuleViolation in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'RuleId', type: 'long', doc: 'Rule ID (CCM_OfficeVbaRuleViolation.RuleId).' },
    { name: 'FileCount', type: 'long', doc: 'File count (CCM_OfficeVbaRuleViolation.FileCount).' },
    { name: 'OfficeApp', type: 'string', doc: 'The Office application (Word, Excel, Outlook…).' },
  ],
  examples: [
    'OfficeVbaRuleViolation | project RuleId, FileCount, OfficeApp',
    'OfficeVbaRuleViolation | summarize count() by OfficeApp',
  ],
});
