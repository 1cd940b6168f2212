export { inputIssues, MAX_DEPTH, type InputIssue } from './inspect';
export { fitsDate, fitsMoney, int4, moneyAmount, moneyMessage, QUANTITY_MAX, timestamptz } from './limits';
