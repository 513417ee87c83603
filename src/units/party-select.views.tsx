import { errorAria, FieldFrame } from "../core/views/forms.js";
import type { PartyOption } from "./parties.repo.js";

/** A select of units and organisations ("u12" / "o34"), grouped, with an optional empty choice. */
export function PartySelect(props: {
  name: string;
  label: string;
  options: PartyOption[];
  value?: string | readonly string[] | null;
  multiple?: boolean;
  empty?: string;
  error?: string;
  id?: string;
}) {
  const id = props.id ?? `f-${props.name}`;
  const selected = new Set(typeof props.value === "string" ? [props.value] : (props.value ?? []));
  const units = props.options.filter((o) => o.organisationId === null);
  const orgs = props.options.filter((o) => o.organisationId !== null);
  return (
    <FieldFrame id={id} label={props.label} error={props.error}>
      <select
        id={id}
        name={props.name}
        multiple={props.multiple}
        size={props.multiple ? 4 : undefined}
        {...errorAria(id, props.error)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {units.length > 0 ? (
          <optgroup label="Đơn vị hành chính">
            {units.map((o) => (
              <option value={o.key} selected={selected.has(o.key)}>
                {o.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {orgs.length > 0 ? (
          <optgroup label="Cơ quan, tổ chức">
            {orgs.map((o) => (
              <option value={o.key} selected={selected.has(o.key)}>
                {o.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </FieldFrame>
  );
}
