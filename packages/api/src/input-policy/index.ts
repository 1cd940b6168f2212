export { inputIssues, MAX_DEPTH, type InputIssue } from './inspect';
export { commaSeparatedTags, int4, moneyAmount, moneyMessage, QUANTITY_MAX, TAG_MAX, timestamptz } from './limits';
