/** A form's text fields by name (files left out); a ticked checkbox is "on", an unticked one absent. */
export function formValues(form: HTMLFormElement): Readonly<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  return values;
}
