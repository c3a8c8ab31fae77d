/** The projects page's small building blocks: labelled controls, checkbox groups, buttons, money and phone numbers. */
import { formatNumber, type Lang } from '../i18n';
import { h } from './dom';

/** A labelled control: `<div><label for=id>…</label><control id=id></div>`. */
export function field<K extends 'input' | 'select'>(tag: K, id: string): { wrap: HTMLElement; label: HTMLLabelElement; control: HTMLElementTagNameMap[K] } {
  const wrap = h('div', 'projects-field');
  const label = h('label', 'projects-label');
  label.htmlFor = id;
  const control = h(tag, 'projects-control');
  control.id = id;
  wrap.append(label, control);
  return { wrap, label, control };
}

/** A fieldset of checkboxes; `onChange` gets the checked values, or [] when all are checked (the default "all"). */
export function checkboxGroup<T extends string>(values: readonly T[], idPrefix: string, onChange: (on: T[]) => void) {
  const fieldset = h('fieldset', 'projects-checks');
  const legend = h('legend', 'projects-label');
  fieldset.append(legend);
  const items = values.map((value) => {
    const label = h('label', 'projects-check');
    const input = h('input', '');
    input.type = 'checkbox';
    input.id = `${idPrefix}-${value}`;
    input.value = value;
    const text = h('span', '');
    label.append(input, text);
    fieldset.append(label);
    return { label, input, text };
  });
  for (const { input } of items)
    input.addEventListener('change', () => {
      const on = values.filter((_, i) => items[i]?.input.checked);
      onChange(on.length === values.length ? [] : on);
    });
  return { fieldset, legend, items };
}

/** Replaces a select's options (only when they changed, so an open list is not disturbed) and sets its value. */
export function options(select: HTMLSelectElement, list: readonly [string, string][], value: string): void {
  const current = [...select.options].map((o) => `${o.value}\u0000${o.text}`).join('\u0001');
  if (current !== list.map(([v, l]) => `${v}\u0000${l}`).join('\u0001'))
    select.replaceChildren(
      ...list.map(([v, l]) => {
        const o = h('option', '', l);
        o.value = v;
        return o;
      }),
    );
  select.value = list.some(([v]) => v === value) ? value : '';
}

export function button(id: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', 'projects-button');
  b.type = 'button';
  if (id !== '') b.id = id;
  b.addEventListener('click', onClick);
  return b;
}

export function text(value: string): Text {
  return document.createTextNode(value);
}

/** 万元 with two decimals and thousands separators: 1,234.56. */
export function money(lang: Lang, wan: number): string {
  return formatNumber(lang, wan, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A phone number as a tel: link (digits and + only in the URL), or plain text when it has no digits. */
export function telLink(number: string, className: string): HTMLElement {
  const digits = number.replace(/[^\d+]/g, '');
  if (digits === '') return h('span', className, number);
  const a = h('a', className, number);
  a.href = `tel:${digits}`;
  return a;
}
