import { SardDate } from './sard-date.component.js';
import { defineOnce } from '../../define-once.js';

defineOnce('sard-date', SardDate);
declare global {
  interface HTMLElementTagNameMap { 'sard-date': SardDate }
}
export { SardDate };
