export { inputIssues, MAX_DEPTH, type InputIssue } from './inspect';
export { fitsDate, fitsMoney, fitsTimestamptz, int4, INT4_MAX, money, MONEY_MAX, moneyMessage, QUANTITY_MAX, timestamptzMessage } from './limits';
