import { TextField, type TextFieldProps } from './Field';

type Props = Omit<TextFieldProps, 'name' | 'type' | 'autoComplete' | 'inputMode' | 'spellCheck'>;

/** The email of an existing account (sign in, forgot password): the browser offers its saved username. */
export function AccountEmailField(props: Props) {
  return (
    <TextField name="email" type="email" autoComplete="username" inputMode="email" spellCheck={false} {...props} />
  );
}
