import { errorAria, FieldFrame } from "./forms.js";

/**
 * The one picker of units, organisations and people. The server renders a plain `<select>` with its
 * choices in `<optgroup>`s (current units first, former ones apart with their end date), which works
 * without JavaScript; `/static/picker.js` turns every `select[data-picker]` into an accessible,
 * accent-insensitive combobox (ARIA 1.2 combobox + listbox), and a multiple select into chips plus a
 * combobox. The select stays in the form and carries the value in both cases.
 */

export interface PickerChoice {
  value: string;
  label: string;
}

export interface PickerGroup {
  /** The optgroup label; an empty label puts the choices at the top level. */
  label: string;
  choices: PickerChoice[];
}

/** One group without a heading: a searchable list with no sections (people, departments). */
export function ungrouped(choices: readonly PickerChoice[]): PickerGroup[] {
  return [{ label: "", choices: [...choices] }];
}

export interface PickerProps {
  id: string;
  name: string;
  groups: readonly PickerGroup[];
  value?: string | readonly string[] | null;
  multiple?: boolean;
  /** The label of a first empty choice ("Tất cả", "— Chọn —"); none when undefined. */
  empty?: string;
  required?: boolean;
  error?: string;
}

/**
 * The script that enhances the pickers, deferred: admin pages load it; a public page with a picker
 * adds it to its `<head>` (pages without one carry no script at all).
 */
export function PickerScript() {
  return <script src="/static/picker.js" defer />;
}

/** The bare select (for filter bars that write their own label). */
export function PickerSelect(props: PickerProps) {
  const selected = new Set(typeof props.value === "string" ? [props.value] : (props.value ?? []));
  const options = (choices: readonly PickerChoice[]) =>
    choices.map((c) => (
      <option value={c.value} selected={selected.has(c.value)}>
        {c.label}
      </option>
    ));
  return (
    <select
      id={props.id}
      name={props.name}
      multiple={props.multiple}
      size={props.multiple ? 6 : undefined}
      required={props.required}
      data-picker=""
      {...errorAria(props.id, props.error)}
    >
      {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
      {props.groups
        .filter((g) => g.choices.length > 0)
        .map((g) =>
          g.label === "" ? options(g.choices) : <optgroup label={g.label}>{options(g.choices)}</optgroup>,
        )}
    </select>
  );
}

/** The picker with its label and error message, like every other field. */
export function PickerField(props: Omit<PickerProps, "id"> & { id?: string; label: string }) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <FieldFrame id={id} label={props.label} error={props.error}>
      <PickerSelect {...props} id={id} />
    </FieldFrame>
  );
}
