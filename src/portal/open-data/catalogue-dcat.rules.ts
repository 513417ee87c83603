/**
 * The open-data catalogue as DCAT (W3C Data Catalog Vocabulary) in JSON-LD: a dcat:Catalog whose
 * dcat:Dataset entries each offer a dcat:Distribution per format (CSV, JSON, XLSX), with publisher,
 * licence and the date of the latest change. Pure.
 */
import type { CatalogueDataset } from "../../core/open-data/catalogue.extension.js";

export const LICENCE = {
  url: "https://creativecommons.org/licenses/by/4.0/deed.vi",
  name: "CC BY 4.0",
  text: "Giấy phép Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0): được tự do sao chép, phân phối, chỉnh sửa và sử dụng dữ liệu, kể cả cho mục đích thương mại, với điều kiện ghi rõ nguồn.",
};

export const CATALOGUE_HREF = "/du-lieu-mo";
export const CATALOGUE_JSONLD_HREF = "/du-lieu-mo/catalog.jsonld";

export const FORMATS = [
  { ext: "csv", label: "CSV", mediaType: "text/csv" },
  { ext: "json", label: "JSON", mediaType: "application/json" },
  {
    ext: "xlsx",
    label: "XLSX",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
] as const;

export type FormatExt = (typeof FORMATS)[number]["ext"];

export const datasetFileHref = (key: string, ext: string) => `${CATALOGUE_HREF}/tap-du-lieu/${key}.${ext}`;

export interface CatalogueEntry {
  dataset: Pick<CatalogueDataset, "key" | "title" | "description" | "keywords" | "theme" | "landingPage">;
  modified: string | null;
  rows: number;
}

export function catalogueJsonLd(
  entries: readonly CatalogueEntry[],
  site: { name: string; baseUrl: URL },
): Record<string, unknown> {
  const abs = (path: string) => new URL(path, site.baseUrl).toString();
  const publisher = { "@type": "foaf:Agent", "foaf:name": site.name };
  const licence = { "@id": LICENCE.url };
  const modified = entries.reduce<string | null>(
    (max, e) => (e.modified !== null && (max === null || e.modified > max) ? e.modified : max),
    null,
  );
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      xsd: "http://www.w3.org/2001/XMLSchema#",
    },
    "@id": abs(CATALOGUE_JSONLD_HREF),
    "@type": "dcat:Catalog",
    "dct:title": `Dữ liệu mở | ${site.name}`,
    "dct:description": "Danh mục dữ liệu mở: chỉ gồm dữ liệu công khai, tải về dạng CSV, JSON và XLSX.",
    "dct:publisher": publisher,
    "dct:language": { "@id": "http://id.loc.gov/vocabulary/iso639-1/vi" },
    "dct:license": licence,
    "foaf:homepage": { "@id": abs(CATALOGUE_HREF) },
    ...(modified ? { "dct:modified": { "@value": modified, "@type": "xsd:dateTime" } } : {}),
    "dcat:dataset": entries.map((e) => ({
      "@id": abs(`${CATALOGUE_HREF}#${e.dataset.key}`),
      "@type": "dcat:Dataset",
      "dct:identifier": e.dataset.key,
      "dct:title": e.dataset.title,
      "dct:description": e.dataset.description,
      "dct:publisher": publisher,
      "dct:license": licence,
      "dcat:keyword": [...e.dataset.keywords, e.dataset.theme],
      ...(e.modified ? { "dct:modified": { "@value": e.modified, "@type": "xsd:dateTime" } } : {}),
      ...(e.dataset.landingPage ? { "dcat:landingPage": { "@id": abs(e.dataset.landingPage) } } : {}),
      "dcat:distribution": FORMATS.map((f) => ({
        "@type": "dcat:Distribution",
        "dct:title": `${e.dataset.title} (${f.label})`,
        "dct:format": f.label,
        "dcat:mediaType": f.mediaType,
        "dcat:downloadURL": { "@id": abs(datasetFileHref(e.dataset.key, f.ext)) },
        "dcat:accessURL": { "@id": abs(datasetFileHref(e.dataset.key, f.ext)) },
        "dct:license": licence,
      })),
    })),
  };
}
