import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, type FieldFrameProps, type FrameControlProps } from '../../../components/FieldFrame';

/** What a form control needs to be tied to its label, hint and error. */
export interface ControlProps extends FrameControlProps {
  'aria-required'?: true;
}

/** A field's own props (label, hint, error…), as `FieldFrame` takes them; a field not `optional` is required. */
export type FieldProps = Pick<FieldFrameProps, 'id' | 'label' | 'hint' | 'error' | 'errorExtra' | 'optional'>;

/**
 * A label, an optional hint, the error (if any) and the control, wired together with
 * aria-describedby and aria-invalid so screen readers read the hint and the error with the control;
 * every field not marked optional is aria-required.
 */
export function Field({ children, ...field }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  return (
    <FieldFrame ns="auth" {...field}>
      {(control) => children({ ...control, 'aria-required': field.optional ? undefined : true })}
    </FieldFrame>
  );
}

/** Splits a field component's props into the field's own (label, hint, error…) and its control's. */
export function splitFieldProps<P extends FieldProps>({
  id,
  label,
  hint,
  error,
  errorExtra,
  optional,
  ...control
}: P): [FieldProps, Omit<P, keyof FieldProps>] {
  return [{ id, label, hint, error, errorExtra, optional }, control];
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

export type TextFieldProps = FieldProps &
  InputProps & { value: string; onChange: (value: string) => void; ref?: Ref<HTMLInputElement> };

/** A labelled text input (text, email, …) with its hint and error. */
export function TextField(props: TextFieldProps) {
  const [field, { value, onChange, ref, ...input }] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <input type="text" {...input} {...control} ref={ref} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

export type SelectFieldProps = FieldProps &
  SelectProps & { value: string; onChange: (value: string) => void; ref?: Ref<HTMLSelectElement> };

/** A labelled native <select> with its hint and error; the options are its children. */
export function SelectField(props: SelectFieldProps) {
  const [field, { value, onChange, ref, children, ...select }] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <select {...select} {...control} ref={ref} value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </select>
      )}
    </Field>
  );
}
