/** A column Sluice treats as JSON, and how it knows. */
export interface JsonColumn {
  name: string
  /** The declared type. */
  type: string
  /** `type`: declared JSON; `check`: a json_valid check; `sampled`: every sampled value is a JSON object or array (a guess). */
  how: 'type' | 'check' | 'sampled'
}
