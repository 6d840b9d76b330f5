// Formula errors (contract §3.9): a cell Excel could not compute holds `#REF!`, `#DIV/0!` …, in a
// workbook and in a CSV file saved from it. One message for both readers: cells.ts's.
export { excelErrorValue as formulaError } from './cells.ts';
