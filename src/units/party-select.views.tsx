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
    <div class={props.error ? "field has-error" : "field"}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        multiple={props.multiple}
        size={props.multiple ? 4 : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
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
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
