import { defineEntity } from '../define-entity.js';

export const SWLicensingProduct = defineEntity({
  name: 'SWLicensingProduct',
  description: 'Software Licensing Product: the WMI class SoftwareLicensingProduct in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ID', type: 'string', doc: 'Id (SoftwareLicensingProduct.ID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'ApplicationID', type: 'string', doc: 'Application ID (SoftwareLicensingProduct.ApplicationID).' },
    { name: 'LicenseStatus', type: 'long', doc: 'The license status code.' },
    { name: 'PartialProductKey', type: 'string', doc: 'Partial product key (SoftwareLicensingProduct.PartialProductKey).' },
    { name: 'ProductKeyID', type: 'string', doc: 'Product key ID (SoftwareLicensingProduct.ProductKeyID).' },
    { name: 'GracePeriodRemaining', type: 'long', doc: 'Grace period remaining (SoftwareLicensingProduct.GracePeriodRemaining).' },
    { name: 'EvaluationEndDate', type: 'datetime', doc: 'Evaluation end date (SoftwareLicensingProduct.EvaluationEndDate) (UTC).' },
  ],
  examples: [
    'SWLicensingProduct | where LicenseStatus == 1 and PartialProductKey != \'\' | project Name, Description, LicenseStatus',
  ],
});
