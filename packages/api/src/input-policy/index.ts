export { inputIssues, MAX_DEPTH, type InputIssue } from './inspect';
export { int4, moneyAmount, moneyMessage, QUANTITY_MAX, timestamptz } from './limits';
