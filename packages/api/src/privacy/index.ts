export { customerTables, type CustomerTable, type Erasure } from './customer-data';
export { eraseCustomer, type ErasureResult } from './erase';
export { exportCustomerData, type CustomerExport } from './export';
