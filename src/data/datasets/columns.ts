// Columns and helpers several datasets share.
import { trimFloat } from '../../floatNoise.ts';
import type { ColumnSpec, Quantity } from '../shapes/types.ts';

export const note: ColumnSpec = { key: 'note', label: '备注', type: 'text' };

/** The month a monthly report is for, and the village it is about. */
export const reportMonth: ColumnSpec = { key: 'month', label: '月份', type: 'month', required: true };
export const reportVillage: ColumnSpec = { key: 'village', label: '村', type: 'village', required: true };

/** A figure in a row-rule message: `120`, `120余`. */
export const show = (q: Quantity) => `${trimFloat(q.value)}${q.approx ? '余' : ''}`;
