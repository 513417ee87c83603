import type { PickerGroup } from "../core/views/picker.js";
import { PickerField } from "../core/views/picker.js";
import type { PartyOption } from "./parties.repo.js";
import { levelRank } from "./unit-labels.js";
import { groupByEra, ORGANISATION_NOUNS, UNIT_NOUNS } from "./unit-picker.rules.js";

/**
 * Units, then organisations, each today's first and the former ones apart with their end date. The
 * value is the party key ("u12" / "o34") unless `valueOf` says otherwise (filters pick a unit id).
 */
export function partyPickerGroups(
  options: readonly PartyOption[],
  valueOf: (o: PartyOption) => string = (o) => o.key,
): PickerGroup[] {
  const choice = (o: PartyOption) => ({
    value: valueOf(o),
    label: o.name,
    era: o.era,
    validFrom: o.validFrom,
    validTo: o.validTo,
  });
  const units = options
    .filter((o) => o.organisationId === null)
    .sort((a, b) => levelRank(a.kind) - levelRank(b.kind) || a.name.localeCompare(b.name, "vi"));
  const orgs = options.filter((o) => o.organisationId !== null);
  return [...groupByEra(units.map(choice), UNIT_NOUNS), ...groupByEra(orgs.map(choice), ORGANISATION_NOUNS)];
}

/** A searchable picker of units and organisations ("u12" / "o34"), with an optional empty choice. */
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
  return (
    <PickerField
      id={props.id}
      name={props.name}
      label={props.label}
      groups={partyPickerGroups(props.options)}
      value={props.value}
      multiple={props.multiple}
      empty={props.empty}
      error={props.error}
    />
  );
}
