/** Endpoints for the defects an outside probe found on the request path (probe-*.test.ts). */
export const PROBE_FILES: Record<string, string> = {
  'people.yaml': `
endpoint: people
model: res.partner
methods: [GET, POST, PUT, DELETE]
auth: { type: none }
fields:
  - { key: name, field: name, required: true }
  - { key: ref, field: ref }
  - { key: email, field: email }
  - { key: parent, field: parent_id, relation: { model: res.partner, match: ref } }
  - { key: user, field: user_id }
  - key: tags
    field: category_id
    relation: { model: res.partner.category, match: name, create_missing: true }
`,
  'tags.yaml': `
endpoint: tags
model: res.partner.category
methods: [GET]
auth: { type: none }
fields:
  - { key: name, field: name, identifier: true }
`,
  'lenient-people.yaml': `
endpoint: lenient-people
model: res.partner
methods: [POST]
auth: { type: none }
fields:
  - { key: name, field: name, required: true }
  - key: parent
    field: parent_id
    relation: { model: res.partner, match: ref, on_ambiguous: lowest_id }
`,
  'members.yaml': `
endpoint: members
model: res.partner
methods: [GET, POST, PUT, DELETE]
auth: { type: none }
delete: archive
fields:
  - { key: member_id, field: ref, identifier: true, required: true }
  - { key: name, field: name, required: true }
  - { key: city, field: city }
`,
  'upsert-members.yaml': `
endpoint: upsert-members
model: res.partner
methods: [GET, POST, PUT, DELETE]
auth: { type: none }
delete: archive
upsert: true
fields:
  - { key: member_id, field: ref, identifier: true, required: true }
  - { key: name, field: name, required: true }
  - { key: city, field: city }
`,
};
