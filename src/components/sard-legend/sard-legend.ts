import { SardLegend } from './sard-legend.component.js';
import { defineOnce } from '../../define-once.js';

defineOnce('sard-legend', SardLegend);
declare global {
  interface HTMLElementTagNameMap { 'sard-legend': SardLegend }
}
export { SardLegend };
