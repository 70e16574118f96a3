/**
 * The SOP documents the default playbook is distilled from (../shared/seeds).
 * Every rule cites one of these files and a sentence copied verbatim from it.
 */
export const SALES_SOP = '004_39361a476cc68959.txt';
export const CLIENT_HUB_SOP = '002_cc84a39e7010797c.txt';
export const RECORDS_SOP = '000_63e9c113d928c869.txt';
export const ACCOUNTS_DOC = '003_9f5a2f69b4c85b21.txt';

export const sources = [
  { file: SALES_SOP, title: 'Sales Team HubSpot Process V2.0' },
  { file: CLIENT_HUB_SOP, title: 'Client Hub Communications Overview' },
  { file: RECORDS_SOP, title: 'Managing Contacts and Companies' },
  { file: ACCOUNTS_DOC, title: 'Account & Contact Management' },
];
