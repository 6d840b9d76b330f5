// Columns and helpers several datasets share.
import { trimFloat } from '../../floatNoise.ts';
import { meanQuantities } from '../../metrics/quantities.ts';
import { quantityOf as viewQuantity, type ViewRecord } from '../../query/types.ts';
import type { ColumnSpec, Quantity } from '../types.ts';

export const note: ColumnSpec = { key: 'note', label: '备注', type: 'text' };

/** The month a monthly report is for, and the village it is about. */
export const reportMonth: ColumnSpec = { key: 'month', label: '月份', type: 'month', required: true };
export const reportVillage: ColumnSpec = { key: 'village', label: '村', type: 'village', required: true };

/** A figure in a row-rule message: `120`, `120余`. */
export const show = (q: Quantity) => `${trimFloat(q.value)}${q.approx ? '余' : ''}`;

/** The combine rule of a derived percentage: the mean over the rows. */
export const meanOf = (key: string) => (rows: ViewRecord[]) => meanQuantities(rows.map((r) => viewQuantity(r[key])));
