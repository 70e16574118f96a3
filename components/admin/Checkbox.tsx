import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export interface CheckboxProps {
  checked: boolean;
  /** Some but not all of a group (shown as a dash; announced as "mixed"). */
  mixed?: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  class?: string;
  name?: string;
  value?: string;
}

/** A labelled checkbox; `mixed` sets the native indeterminate state for "select all" boxes. */
export function Checkbox({ checked, mixed = false, disabled = false, onChange, children, class: cls, name, value }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label class={`adm-check${disabled ? ' adm-check--disabled' : ''}${cls ? ` ${cls}` : ''}`}>
      <input
        ref={ref}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        name={name}
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="adm-check__text">{children}</span>
    </label>
  );
}
