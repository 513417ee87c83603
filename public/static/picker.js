// Turns every `select[data-picker]` into a searchable combobox (ARIA 1.2 combobox + listbox pattern).
// Progressive enhancement: the server renders a plain <select> with <optgroup>s that works without
// script; this file hides it and keeps it as the form's value, so both paths submit the same fields.
// Typing ignores case and accents and folds đ to d ("viet hung" finds "Phường Việt Hưng"), as the
// server's foldVietnamese does. A multiple select becomes chips (each with a remove button) and a
// combobox whose listbox is multi-selectable.
(() => {
  "use strict";

  /** Lower-case, no accents, đ → d, single spaces: the same folding as src/core/text/fold.ts. */
  const fold = (text) =>
    text
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/đ/g, "d")
      .replace(/\s+/g, " ")
      .trim();

  let counter = 0;

  function enhance(select) {
    if (select.dataset.pickerReady) return;
    select.dataset.pickerReady = "1";
    const multiple = select.multiple;
    const base = select.id || `picker-${++counter}`;
    const label = select.id ? document.querySelector(`label[for="${CSS.escape(select.id)}"]`) : null;

    const wrap = document.createElement("div");
    wrap.className = multiple ? "picker picker-multiple" : "picker";
    const chips = document.createElement("ul");
    chips.className = "picker-chips";
    chips.setAttribute("aria-label", "Đã chọn");
    const input = document.createElement("input");
    input.type = "text";
    input.id = `${base}-tim`;
    input.className = "picker-input";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", `${base}-ds`);
    if (select.required) input.setAttribute("aria-required", "true");
    for (const attr of ["aria-invalid", "aria-describedby"]) {
      const value = select.getAttribute(attr);
      if (value) input.setAttribute(attr, value);
    }
    input.placeholder = multiple ? "Gõ để tìm và thêm" : "Gõ để tìm";
    const list = document.createElement("div");
    list.id = `${base}-ds`;
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    if (multiple) list.setAttribute("aria-multiselectable", "true");
    list.hidden = true;
    const status = document.createElement("span");
    status.className = "visually-hidden";
    // A live region (not role=status: pages keep that role for their own one-line notices).
    status.setAttribute("aria-live", "polite");

    // The label now names the combobox; the select leaves the tab order and the accessibility tree.
    if (label) {
      // The hidden select keeps the label's words, so it is never an unlabelled field.
      select.setAttribute("aria-label", (label.textContent || "").trim());
      label.htmlFor = input.id;
      if (!label.id) label.id = `${base}-nhan`;
      list.setAttribute("aria-labelledby", label.id);
    }
    select.hidden = true;
    select.tabIndex = -1;
    select.setAttribute("aria-hidden", "true");
    select.required = false; // a hidden required control would block the submit without a word

    // Options of the listbox, mirroring the select's options (and optgroups as role=group).
    const items = [];
    let groupCount = 0;
    const addOption = (parent, option) => {
      const el = document.createElement("div");
      el.id = `${base}-o${items.length}`;
      el.className = "picker-option";
      el.setAttribute("role", "option");
      el.textContent = option.textContent;
      parent.appendChild(el);
      items.push({ el, option, key: fold(option.textContent || ""), empty: option.value === "" });
    };
    for (const child of select.children) {
      if (child.tagName === "OPTGROUP") {
        const group = document.createElement("div");
        group.setAttribute("role", "group");
        const heading = document.createElement("div");
        heading.id = `${base}-g${++groupCount}`;
        heading.className = "picker-group";
        heading.setAttribute("role", "presentation");
        heading.textContent = child.label;
        group.setAttribute("aria-labelledby", heading.id);
        group.appendChild(heading);
        for (const option of child.children) addOption(group, option);
        list.appendChild(group);
      } else if (!(multiple && child.value === "")) {
        addOption(list, child);
      }
    }
    const none = document.createElement("div");
    none.className = "picker-none";
    none.textContent = "Không tìm thấy";
    none.hidden = true;
    list.appendChild(none);

    let active = -1;
    const visible = () => items.filter((it) => !it.el.hidden);
    const selectedText = () => {
      const option = select.selectedOptions[0];
      return option && option.value !== "" ? option.textContent : "";
    };

    function renderChips() {
      chips.replaceChildren();
      for (const it of items) {
        if (!it.option.selected) continue;
        const li = document.createElement("li");
        li.className = "picker-chip";
        const text = document.createElement("span");
        text.textContent = it.option.textContent;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "picker-remove";
        remove.textContent = "×";
        remove.setAttribute("aria-label", `Bỏ chọn ${it.option.textContent}`);
        remove.addEventListener("click", () => {
          it.option.selected = false;
          changed();
          input.focus();
        });
        li.append(text, remove);
        chips.appendChild(li);
      }
      chips.hidden = chips.children.length === 0;
    }

    function syncSelection() {
      for (const it of items) it.el.setAttribute("aria-selected", String(it.option.selected));
      if (multiple) renderChips();
      else if (document.activeElement !== input || list.hidden) input.value = selectedText();
    }

    function changed() {
      select.dispatchEvent(new Event("change", { bubbles: true }));
      syncSelection();
    }

    function setActive(index) {
      const shown = visible();
      for (const it of items) it.el.classList.remove("active");
      active = shown.length === 0 ? -1 : Math.max(0, Math.min(index, shown.length - 1));
      const current = shown[active];
      if (current) {
        current.el.classList.add("active");
        input.setAttribute("aria-activedescendant", current.el.id);
        current.el.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    /** Shows the options whose folded text holds every folded word typed, in any order. */
    function filter(query) {
      const words = fold(query).split(" ").filter(Boolean);
      for (const it of items) it.el.hidden = !words.every((w) => it.key.includes(w));
      for (const group of list.querySelectorAll('[role="group"]')) {
        group.hidden = !group.querySelector('[role="option"]:not([hidden])');
      }
      const count = visible().length;
      none.hidden = count > 0;
      status.textContent = count === 0 ? "Không tìm thấy" : `${count} kết quả`;
    }

    function open(query) {
      filter(query);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      const shown = visible();
      const chosen = shown.findIndex((it) => it.option.selected && !it.empty);
      setActive(query === "" && chosen >= 0 ? chosen : 0);
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
      if (!multiple) input.value = selectedText();
    }

    function choose(it) {
      if (multiple) {
        it.option.selected = !it.option.selected;
        input.value = "";
        changed();
        open("");
      } else {
        select.value = it.option.value;
        close();
        changed();
      }
    }

    input.addEventListener("input", () => open(input.value));
    input.addEventListener("focus", () => input.select());
    input.addEventListener("click", () => {
      if (list.hidden) open(multiple ? input.value : "");
    });
    input.addEventListener("keydown", (event) => {
      const shown = visible();
      switch (event.key) {
        case "ArrowDown":
          if (list.hidden) open(multiple ? input.value : "");
          else setActive(active + 1);
          event.preventDefault();
          break;
        case "ArrowUp":
          if (list.hidden) open(multiple ? input.value : "");
          else setActive(active - 1);
          event.preventDefault();
          break;
        case "Home":
        case "End":
          if (!list.hidden) {
            setActive(event.key === "Home" ? 0 : shown.length - 1);
            event.preventDefault();
          }
          break;
        case "Enter":
          if (!list.hidden && shown[active]) {
            choose(shown[active]);
            event.preventDefault();
          }
          break;
        case "Escape":
          if (!list.hidden) {
            close();
            event.preventDefault();
          } else if (!multiple && select.querySelector('option[value=""]')) {
            select.value = "";
            changed();
            input.value = "";
          }
          break;
        case "Backspace":
          if (multiple && input.value === "") {
            const last = [...select.selectedOptions].pop();
            if (last) {
              last.selected = false;
              changed();
            }
          }
          break;
        default:
      }
    });
    input.addEventListener("blur", () => {
      // An emptied single picker with an empty choice means "none" ("Tất cả", "— Chọn —").
      if (!multiple && input.value.trim() === "" && select.querySelector('option[value=""]')) {
        if (select.value !== "") {
          select.value = "";
          changed();
        }
      }
      close();
    });
    // mousedown, not click: a click would blur the input (and close the list) first.
    list.addEventListener("mousedown", (event) => {
      event.preventDefault();
      const el = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
      const it = el ? items.find((x) => x.el === el) : null;
      if (it) choose(it);
    });
    // Someone (a test, another script) set the select itself: show it.
    select.addEventListener("change", syncSelection);

    select.after(wrap);
    wrap.append(...(multiple ? [chips] : []), input, list, status);
    syncSelection();
  }

  const start = () => {
    for (const select of document.querySelectorAll("select[data-picker]")) enhance(select);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
