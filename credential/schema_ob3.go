// Code generated from 1EdTech/openbadges-specification ob_v3p0_achievementcredential_schema.json
// (1EdTech specification licence; copied from ../shared/conformance/ob3/schema). DO NOT EDIT.

package credential

// ob3SchemaJSON is the Open Badges 3.0 AchievementCredential JSON Schema.
const ob3SchemaJSON = "" +
	"{\n" +
	"  \"$schema\": \"https://json-schema.org/draft/2019-09/schema#\",\n" +
	"  \"$id\": \"https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json\",\n" +
	"  \"title\": \"JSON Schema for the AchievementCredential class.\",\n" +
	"  \"description\": \"AchievementCredentials are representations of an awarded achievement, used to share information about a achievement belonging to one earner. Maps to a Verifiable Credential as defined in the [[VC-DATA-MODEL-2.0]]. As described in [[[#data-integrity]]], at least one proof mechanism, and the details necessary to evaluate that proof, MUST be expressed for a credential to be a verifiable credential. In the case of an embedded proof, the credential MUST append the proof in the `proof` property.\",\n" +
	"  \"type\": \"object\",\n" +
	"  \"properties\": {\n" +
	"    \"@context\": {\n" +
	"      \"type\": \"array\",\n" +
	"      \"minItems\": 2,\n" +
	"      \"items\": [\n" +
	"        {\n" +
	"          \"enum\": [\n" +
	"            \"https://www.w3.org/ns/credentials/v2\"\n" +
	"          ]\n" +
	"        },\n" +
	"        {\n" +
	"          \"type\": \"string\",\n" +
	"          \"pattern\": \"^https:\\\\/\\\\/purl\\\\.imsglobal\\\\.org\\\\/spec\\\\/ob\\\\/v3p0\\\\/context(-3\\\\.\\\\d\\\\.\\\\d)*\\\\.json$\"\n" +
	"        }\n" +
	"      ],\n" +
	"      \"additionalItems\": {\n" +
	"        \"$ref\": \"#/$defs/Context\"\n" +
	"      }\n" +
	"    },\n" +
	"    \"id\": {\n" +
	"      \"description\": \"Unambiguous reference to the credential.\",\n" +
	"      \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"      \"type\": \"string\"\n" +
	"    },\n" +
	"    \"type\": {\n" +
	"      \"allOf\": [\n" +
	"        {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"VerifiableCredential\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the URI 'VerifiableCredential', and one of the items MUST be the URI 'AchievementCredential' or the URI 'OpenBadgeCredential'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"AchievementCredential\",\n" +
	"              \"OpenBadgeCredential\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the URI 'VerifiableCredential', and one of the items MUST be the URI 'AchievementCredential' or the URI 'OpenBadgeCredential'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        }\n" +
	"      ]\n" +
	"    },\n" +
	"    \"name\": {\n" +
	"      \"description\": \"The name of the credential for display purposes in wallets. For example, in a list of credentials and in detail views.\",\n" +
	"      \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"      \"type\": \"string\"\n" +
	"    },\n" +
	"    \"description\": {\n" +
	"      \"description\": \"The short description of the credential for display purposes in wallets.\",\n" +
	"      \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"      \"type\": \"string\"\n" +
	"    },\n" +
	"    \"image\": {\n" +
	"      \"$ref\": \"#/$defs/Image\"\n" +
	"    },\n" +
	"    \"awardedDate\": {\n" +
	"      \"description\": \"Timestamp of when the credential was awarded. `validFrom` is used to determine the most recent version of a Credential in conjunction with `issuer` and `id`. Consequently, the only way to update a Credental is to update the `validFrom`, losing the date when the Credential was originally awarded. `awardedDate` is meant to keep this original date.\",\n" +
	"      \"$comment\": \"Origin: DateTimeZ (DerivedType); A `DateTime` with the trailing timezone specifier included, e.g. `2021-09-07T02:09:59+02:00`\",\n" +
	"      \"type\": \"string\",\n" +
	"      \"format\": \"date-time\"\n" +
	"    },\n" +
	"    \"credentialSubject\": {\n" +
	"      \"$ref\": \"#/$defs/AchievementSubject\"\n" +
	"    },\n" +
	"    \"endorsement\": {\n" +
	"      \"type\": \"array\",\n" +
	"      \"items\": {\n" +
	"        \"$ref\": \"#/$defs/EndorsementCredential\"\n" +
	"      }\n" +
	"    },\n" +
	"    \"endorsementJwt\": {\n" +
	"      \"type\": \"array\",\n" +
	"      \"items\": {\n" +
	"        \"description\": \"Allows endorsers to make specific claims about the credential, and the achievement and profiles in the credential. These endorsements are signed with the VC-JWT proof format.\",\n" +
	"        \"$comment\": \"Origin: CompactJws (DerivedType); A `String` in Compact JWS format [[RFC7515]].\",\n" +
	"        \"type\": \"string\",\n" +
	"        \"pattern\": \"^[a-zA-Z0-9_-]+\\\\.[a-zA-Z0-9_-]*\\\\.[a-zA-Z0-9_-]+$\"\n" +
	"      }\n" +
	"    },\n" +
	"    \"evidence\": {\n" +
	"      \"type\": \"array\",\n" +
	"      \"items\": {\n" +
	"        \"$ref\": \"#/$defs/Evidence\"\n" +
	"      }\n" +
	"    },\n" +
	"    \"issuer\": {\n" +
	"      \"$ref\": \"#/$defs/ProfileRef\"\n" +
	"    },\n" +
	"    \"validFrom\": {\n" +
	"      \"description\": \"Timestamp of when the credential becomes valid.\",\n" +
	"      \"$comment\": \"Origin: DateTimeZ (DerivedType); A `DateTime` with the trailing timezone specifier included, e.g. `2021-09-07T02:09:59+02:00`\",\n" +
	"      \"type\": \"string\",\n" +
	"      \"format\": \"date-time\"\n" +
	"    },\n" +
	"    \"validUntil\": {\n" +
	"      \"description\": \"If the credential has some notion of validity period, this indicates a timestamp when a credential should no longer be considered valid. After this time, the credential should be considered invalid.\",\n" +
	"      \"$comment\": \"Origin: DateTimeZ (DerivedType); A `DateTime` with the trailing timezone specifier included, e.g. `2021-09-07T02:09:59+02:00`\",\n" +
	"      \"type\": \"string\",\n" +
	"      \"format\": \"date-time\"\n" +
	"    },\n" +
	"    \"proof\": {\n" +
	"      \"type\": \"array\",\n" +
	"      \"items\": {\n" +
	"        \"$ref\": \"#/$defs/Proof\"\n" +
	"      }\n" +
	"    },\n" +
	"    \"credentialSchema\": {\n" +
	"      \"type\": \"array\",\n" +
	"      \"items\": {\n" +
	"        \"$ref\": \"#/$defs/CredentialSchema\"\n" +
	"      }\n" +
	"    },\n" +
	"    \"credentialStatus\": {\n" +
	"      \"$ref\": \"#/$defs/CredentialStatus\"\n" +
	"    },\n" +
	"    \"refreshService\": {\n" +
	"      \"$ref\": \"#/$defs/RefreshService\"\n" +
	"    },\n" +
	"    \"termsOfUse\": {\n" +
	"      \"type\": \"array\",\n" +
	"      \"items\": {\n" +
	"        \"$ref\": \"#/$defs/TermsOfUse\"\n" +
	"      }\n" +
	"    }\n" +
	"  },\n" +
	"  \"required\": [\n" +
	"    \"@context\",\n" +
	"    \"id\",\n" +
	"    \"type\",\n" +
	"    \"credentialSubject\",\n" +
	"    \"issuer\",\n" +
	"    \"validFrom\"\n" +
	"  ],\n" +
	"  \"additionalProperties\": true,\n" +
	"  \"$defs\": {\n" +
	"    \"Context\": {\n" +
	"      \"description\": \"JSON-LD Context. Either a URI with the context definition or a Map with a local context definition MUST be supplied.\",\n" +
	"      \"oneOf\": [\n" +
	"        {\n" +
	"          \"description\": \"A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        {\n" +
	"          \"description\": \"A map representing an object with unknown, arbitrary properties\",\n" +
	"          \"$comment\": \"Origin: Map (Unordered); A map representing an object with unknown, arbitrary properties\",\n" +
	"          \"type\": \"object\"\n" +
	"        }\n" +
	"      ]\n" +
	"    },\n" +
	"    \"TermsOfUse\": {\n" +
	"      \"description\": \"Terms of use can be utilized by an issuer or a holder to communicate the terms under which a verifiable credential or verifiable presentation was issued\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The value MUST be a URI identifying the term of use.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"description\": \"The value MUST identify the type of the terms of use.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"CredentialStatus\": {\n" +
	"      \"description\": \"The information in CredentialStatus is used to discover information about the current status of a verifiable credential, such as whether it is suspended or revoked.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The value MUST be the URL of the issuer's credential status method.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"description\": \"The name of the credential status method.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"AchievementSubject\": {\n" +
	"      \"description\": \"A collection of information about the recipient of an achievement. Maps to Credential Subject in [[VC-DATA-MODEL-2.0]].\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"An identifier for the Credential Subject. Either `id` or at least one `identifier` MUST be supplied.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"AchievementSubject\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'AchievementSubject'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"activityEndDate\": {\n" +
	"          \"description\": \"The datetime the activity ended.\",\n" +
	"          \"$comment\": \"Origin: DateTime (PrimitiveType); An [[ISO8601]] time using the syntax YYYY-MM-DDThh:mm:ss.\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"format\": \"date-time\"\n" +
	"        },\n" +
	"        \"activityStartDate\": {\n" +
	"          \"description\": \"The datetime the activity started.\",\n" +
	"          \"$comment\": \"Origin: DateTime (PrimitiveType); An [[ISO8601]] time using the syntax YYYY-MM-DDThh:mm:ss.\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"format\": \"date-time\"\n" +
	"        },\n" +
	"        \"creditsEarned\": {\n" +
	"          \"description\": \"The number of credits earned, generally in semester or quarter credit hours. This field correlates with the Achievement `creditsAvailable` field.\",\n" +
	"          \"$comment\": \"Origin: Float (PrimitiveType)\",\n" +
	"          \"type\": \"number\"\n" +
	"        },\n" +
	"        \"achievement\": {\n" +
	"          \"$ref\": \"#/$defs/Achievement\"\n" +
	"        },\n" +
	"        \"identifier\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/IdentityObject\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"image\": {\n" +
	"          \"$ref\": \"#/$defs/Image\"\n" +
	"        },\n" +
	"        \"licenseNumber\": {\n" +
	"          \"description\": \"The license number that was issued with this credential.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"narrative\": {\n" +
	"          \"description\": \"A narrative that connects multiple pieces of evidence. Likely only present at this location if evidence is a multi-value array.\",\n" +
	"          \"$comment\": \"Origin: Markdown (DerivedType); A `String` that may contain Markdown.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"result\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/Result\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"role\": {\n" +
	"          \"description\": \"Role, position, or title of the learner when demonstrating or performing the achievement or evidence of learning being asserted. Examples include 'Student President', 'Intern', 'Captain', etc.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"source\": {\n" +
	"          \"$ref\": \"#/$defs/Profile\"\n" +
	"        },\n" +
	"        \"term\": {\n" +
	"          \"description\": \"The academic term in which this assertion was achieved.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\",\n" +
	"        \"achievement\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"IdentityObject\": {\n" +
	"      \"description\": \"A collection of information about the recipient of an achievement.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"type\": {\n" +
	"          \"description\": \"MUST be the IRI 'IdentityObject'.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"enum\": [\n" +
	"            \"IdentityObject\"\n" +
	"          ]\n" +
	"        },\n" +
	"        \"hashed\": {\n" +
	"          \"description\": \"Whether or not the `identityHash` value is hashed.\",\n" +
	"          \"$comment\": \"Origin: Boolean (PrimitiveType); A boolean, expressed as `true` or `false`\",\n" +
	"          \"type\": \"boolean\"\n" +
	"        },\n" +
	"        \"identityHash\": {\n" +
	"          \"description\": \"Either the IdentityHash of the identity or the plaintext value. If it's possible that the plaintext transmission and storage of the identity value would leak personally identifiable information where there is an expectation of privacy, it is strongly recommended that an IdentityHash be used.\",\n" +
	"          \"$comment\": \"Origin: IdentityHash (DerivedType); A `String` consisting of an algorithm identifier, a `$` separator, and a hash across an identifier and an optionally appended salt string. The only supported algorithms are MD5 [[RFC1321]] and SHA-256 [[FIPS-180-4]], identified by the strings 'md5' and 'sha256' respectively. Identifiers and salts MUST be encoded in UTF-8 prior to hashing, and the resulting hash MUST be expressed in hexadecimal using uppercase (A-F, 0-9) or lowercase character (a-f, 0-9) sets. For example: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399' represents the result of calculating a SHA-256 hash on the string 'a@example.comKosher'. in which the email identifier 'a@example.com' is salted with 'Kosher'\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"identityType\": {\n" +
	"          \"description\": \"The identity type.\",\n" +
	"          \"$comment\": \"Origin: IdentifierTypeEnum (EnumExt)\",\n" +
	"          \"oneOf\": [\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"enum\": [\n" +
	"                \"name\",\n" +
	"                \"sourcedId\",\n" +
	"                \"systemId\",\n" +
	"                \"productId\",\n" +
	"                \"userName\",\n" +
	"                \"accountId\",\n" +
	"                \"emailAddress\",\n" +
	"                \"nationalIdentityNumber\",\n" +
	"                \"isbn\",\n" +
	"                \"issn\",\n" +
	"                \"lisSourcedId\",\n" +
	"                \"oneRosterSourcedId\",\n" +
	"                \"sisSourcedId\",\n" +
	"                \"ltiContextId\",\n" +
	"                \"ltiDeploymentId\",\n" +
	"                \"ltiToolId\",\n" +
	"                \"ltiPlatformId\",\n" +
	"                \"ltiUserId\",\n" +
	"                \"identifier\"\n" +
	"              ]\n" +
	"            },\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"pattern\": \"(ext:)[a-z|A-Z|0-9|.|-|_]+\"\n" +
	"            }\n" +
	"          ]\n" +
	"        },\n" +
	"        \"salt\": {\n" +
	"          \"description\": \"If the `identityHash` is hashed, this should contain the string used to salt the hash. If this value is not provided, it should be assumed that the hash was not salted.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\",\n" +
	"        \"hashed\",\n" +
	"        \"identityHash\",\n" +
	"        \"identityType\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": false\n" +
	"    },\n" +
	"    \"Evidence\": {\n" +
	"      \"description\": \"Descriptive metadata about evidence related to the achievement assertion. Each instance of the evidence class present in an assertion corresponds to one entity, though a single entry can describe a set of items collectively. There may be multiple evidence entries referenced from an assertion. The narrative property is also in scope of the assertion class to provide an overall description of the achievement related to the assertion in rich text. It is used here to provide a narrative of achievement of the specific entity described. If both the description and narrative properties are present, displayers can assume the narrative value goes into more detail and is not simply a recapitulation of description.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The URL of a webpage presenting evidence of achievement or the evidence encoded as a Data URI. The schema of the webpage is undefined.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"Evidence\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'Evidence'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"narrative\": {\n" +
	"          \"description\": \"A narrative that describes the evidence and process of achievement that led to an assertion.\",\n" +
	"          \"$comment\": \"Origin: Markdown (DerivedType); A `String` that may contain Markdown.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"name\": {\n" +
	"          \"description\": \"A descriptive title of the evidence.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"description\": {\n" +
	"          \"description\": \"A longer description of the evidence.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"genre\": {\n" +
	"          \"description\": \"A string that describes the type of evidence. For example, Poetry, Prose, Film.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"audience\": {\n" +
	"          \"description\": \"A description of the intended audience for a piece of evidence.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"EndorsementCredential\": {\n" +
	"      \"description\": \"A verifiable credential that asserts a claim about an entity. As described in [[[#data-integrity]]], at least one proof mechanism, and the details necessary to evaluate that proof, MUST be expressed for a credential to be a verifiable credential. In the case of an embedded proof, the credential MUST append the proof in the `proof` property.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"@context\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 2,\n" +
	"          \"items\": [\n" +
	"            {\n" +
	"              \"enum\": [\n" +
	"                \"https://www.w3.org/ns/credentials/v2\"\n" +
	"              ]\n" +
	"            },\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"pattern\": \"^https:\\\\/\\\\/purl\\\\.imsglobal\\\\.org\\\\/spec\\\\/ob\\\\/v3p0\\\\/context(-3\\\\.\\\\d\\\\.\\\\d)*\\\\.json$\"\n" +
	"            }\n" +
	"          ],\n" +
	"          \"additionalItems\": {\n" +
	"            \"$ref\": \"#/$defs/Context\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"allOf\": [\n" +
	"            {\n" +
	"              \"type\": \"array\",\n" +
	"              \"minItems\": 1,\n" +
	"              \"contains\": {\n" +
	"                \"enum\": [\n" +
	"                  \"VerifiableCredential\"\n" +
	"                ]\n" +
	"              },\n" +
	"              \"items\": {\n" +
	"                \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the URI 'VerifiableCredential', and one of the items MUST be the URI 'EndorsementCredential'.\",\n" +
	"                \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"                \"type\": \"string\"\n" +
	"              }\n" +
	"            },\n" +
	"            {\n" +
	"              \"type\": \"array\",\n" +
	"              \"minItems\": 1,\n" +
	"              \"contains\": {\n" +
	"                \"enum\": [\n" +
	"                  \"EndorsementCredential\"\n" +
	"                ]\n" +
	"              },\n" +
	"              \"items\": {\n" +
	"                \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the URI 'VerifiableCredential', and one of the items MUST be the URI 'EndorsementCredential'.\",\n" +
	"                \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"                \"type\": \"string\"\n" +
	"              }\n" +
	"            }\n" +
	"          ]\n" +
	"        },\n" +
	"        \"id\": {\n" +
	"          \"description\": \"Unambiguous reference to the credential.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"name\": {\n" +
	"          \"description\": \"The name of the credential for display purposes in wallets. For example, in a list of credentials and in detail views.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"description\": {\n" +
	"          \"description\": \"The short description of the credential for display purposes in wallets.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"credentialSubject\": {\n" +
	"          \"$ref\": \"#/$defs/EndorsementSubject\"\n" +
	"        },\n" +
	"        \"awardedDate\": {\n" +
	"          \"description\": \"Timestamp of when the credential was awarded. `validFrom` is used to determine the most recent version of a Credential in conjunction with `issuer` and `id`. Consequently, the only way to update a Credental is to update the `validFrom`, losing the date when the Credential was originally awarded. `awardedDate` is meant to keep this original date.\",\n" +
	"          \"$comment\": \"Origin: DateTimeZ (DerivedType); A `DateTime` with the trailing timezone specifier included, e.g. `2021-09-07T02:09:59+02:00`\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"format\": \"date-time\"\n" +
	"        },\n" +
	"        \"issuer\": {\n" +
	"          \"$ref\": \"#/$defs/ProfileRef\"\n" +
	"        },\n" +
	"        \"validFrom\": {\n" +
	"          \"description\": \"Timestamp of when the credential becomes valid.\",\n" +
	"          \"$comment\": \"Origin: DateTimeZ (DerivedType); A `DateTime` with the trailing timezone specifier included, e.g. `2021-09-07T02:09:59+02:00`\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"format\": \"date-time\"\n" +
	"        },\n" +
	"        \"validUntil\": {\n" +
	"          \"description\": \"If the credential has some notion of validity period, this indicates a timestamp when a credential should no longer be considered valid. After this time, the credential should be considered invalid.\",\n" +
	"          \"$comment\": \"Origin: DateTimeZ (DerivedType); A `DateTime` with the trailing timezone specifier included, e.g. `2021-09-07T02:09:59+02:00`\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"format\": \"date-time\"\n" +
	"        },\n" +
	"        \"proof\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/Proof\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"credentialSchema\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/CredentialSchema\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"credentialStatus\": {\n" +
	"          \"$ref\": \"#/$defs/CredentialStatus\"\n" +
	"        },\n" +
	"        \"refreshService\": {\n" +
	"          \"$ref\": \"#/$defs/RefreshService\"\n" +
	"        },\n" +
	"        \"termsOfUse\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/TermsOfUse\"\n" +
	"          }\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"@context\",\n" +
	"        \"type\",\n" +
	"        \"id\",\n" +
	"        \"name\",\n" +
	"        \"credentialSubject\",\n" +
	"        \"issuer\",\n" +
	"        \"validFrom\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"Achievement\": {\n" +
	"      \"description\": \"A collection of information about the accomplishment recognized by the Assertion. Many assertions may be created corresponding to one Achievement.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"Unique URI for the Achievement.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"Achievement\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"No description supplied.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"alignment\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/Alignment\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"achievementType\": {\n" +
	"          \"description\": \"The type of achievement. This is an extensible vocabulary.\",\n" +
	"          \"$comment\": \"Origin: AchievementType (EnumExt); The type of achievement, for example 'Award' or 'Certification'. This is an extensible enumerated vocabulary. Extending the vocabulary makes use of a naming convention.\",\n" +
	"          \"oneOf\": [\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"enum\": [\n" +
	"                \"Achievement\",\n" +
	"                \"ApprenticeshipCertificate\",\n" +
	"                \"Assessment\",\n" +
	"                \"Assignment\",\n" +
	"                \"AssociateDegree\",\n" +
	"                \"Award\",\n" +
	"                \"Badge\",\n" +
	"                \"BachelorDegree\",\n" +
	"                \"Certificate\",\n" +
	"                \"CertificateOfCompletion\",\n" +
	"                \"Certification\",\n" +
	"                \"CommunityService\",\n" +
	"                \"Competency\",\n" +
	"                \"Course\",\n" +
	"                \"CoCurricular\",\n" +
	"                \"Degree\",\n" +
	"                \"Diploma\",\n" +
	"                \"DoctoralDegree\",\n" +
	"                \"Fieldwork\",\n" +
	"                \"GeneralEducationDevelopment\",\n" +
	"                \"JourneymanCertificate\",\n" +
	"                \"LearningProgram\",\n" +
	"                \"License\",\n" +
	"                \"Membership\",\n" +
	"                \"ProfessionalDoctorate\",\n" +
	"                \"QualityAssuranceCredential\",\n" +
	"                \"MasterCertificate\",\n" +
	"                \"MasterDegree\",\n" +
	"                \"MicroCredential\",\n" +
	"                \"ResearchDoctorate\",\n" +
	"                \"SecondarySchoolDiploma\"\n" +
	"              ]\n" +
	"            },\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"pattern\": \"(ext:)[a-z|A-Z|0-9|.|-|_]+\"\n" +
	"            }\n" +
	"          ]\n" +
	"        },\n" +
	"        \"creator\": {\n" +
	"          \"$ref\": \"#/$defs/Profile\"\n" +
	"        },\n" +
	"        \"creditsAvailable\": {\n" +
	"          \"description\": \"Credit hours associated with this entity, or credit hours possible. For example 3.0.\",\n" +
	"          \"$comment\": \"Origin: Float (PrimitiveType)\",\n" +
	"          \"type\": \"number\"\n" +
	"        },\n" +
	"        \"criteria\": {\n" +
	"          \"$ref\": \"#/$defs/Criteria\"\n" +
	"        },\n" +
	"        \"description\": {\n" +
	"          \"description\": \"A short description of the achievement.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"endorsement\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/EndorsementCredential\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"endorsementJwt\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"description\": \"Allows endorsers to make specific claims about the Achievement. These endorsements are signed with the VC-JWT proof format.\",\n" +
	"            \"$comment\": \"Origin: CompactJws (DerivedType); A `String` in Compact JWS format [[RFC7515]].\",\n" +
	"            \"type\": \"string\",\n" +
	"            \"pattern\": \"^[a-zA-Z0-9_-]+\\\\.[a-zA-Z0-9_-]*\\\\.[a-zA-Z0-9_-]+$\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"fieldOfStudy\": {\n" +
	"          \"description\": \"Category, subject, area of study, discipline, or general branch of knowledge. Examples include Business, Education, Psychology, and Technology.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"humanCode\": {\n" +
	"          \"description\": \"The code, generally human readable, associated with an achievement.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"image\": {\n" +
	"          \"$ref\": \"#/$defs/Image\"\n" +
	"        },\n" +
	"        \"inLanguage\": {\n" +
	"          \"description\": \"The language of the achievement.\",\n" +
	"          \"$comment\": \"Origin: LanguageCode (DerivedType); A language code [[BCP47]].\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"pattern\": \"^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$\"\n" +
	"        },\n" +
	"        \"name\": {\n" +
	"          \"description\": \"The name of the achievement.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"otherIdentifier\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/IdentifierEntry\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"related\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/Related\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"resultDescription\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/ResultDescription\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"specialization\": {\n" +
	"          \"description\": \"Name given to the focus, concentration, or specific area of study defined in the achievement. Examples include 'Entrepreneurship', 'Technical Communication', and 'Finance'.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"tag\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"description\": \"One or more short, human-friendly, searchable, keywords that describe the type of achievement.\",\n" +
	"            \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"version\": {\n" +
	"          \"description\": \"The version property allows issuers to set a version string for an Achievement. This is particularly useful when replacing a previous version with an update.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\",\n" +
	"        \"criteria\",\n" +
	"        \"description\",\n" +
	"        \"name\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"Alignment\": {\n" +
	"      \"description\": \"Describes an alignment between an achievement and a node in an educational framework.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"Alignment\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'Alignment'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"targetCode\": {\n" +
	"          \"description\": \"If applicable, a locally unique string identifier that identifies the alignment target within its framework and/or targetUrl.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"targetDescription\": {\n" +
	"          \"description\": \"Short description of the alignment target.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"targetName\": {\n" +
	"          \"description\": \"Name of the alignment.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"targetFramework\": {\n" +
	"          \"description\": \"Name of the framework the alignment target.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"targetType\": {\n" +
	"          \"description\": \"The type of the alignment target node.\",\n" +
	"          \"$comment\": \"Origin: AlignmentTargetType (EnumExt); The type of the alignment target node in the target framework.\",\n" +
	"          \"oneOf\": [\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"enum\": [\n" +
	"                \"ceasn:Competency\",\n" +
	"                \"ceterms:Credential\",\n" +
	"                \"CFItem\",\n" +
	"                \"CFRubric\",\n" +
	"                \"CFRubricCriterion\",\n" +
	"                \"CFRubricCriterionLevel\",\n" +
	"                \"CTDL\"\n" +
	"              ]\n" +
	"            },\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"pattern\": \"(ext:)[a-z|A-Z|0-9|.|-|_]+\"\n" +
	"            }\n" +
	"          ]\n" +
	"        },\n" +
	"        \"targetUrl\": {\n" +
	"          \"description\": \"URL linking to the official description of the alignment target, for example an individual standard within an educational framework.\",\n" +
	"          \"$comment\": \"Origin: URL (DerivedType); A `URI` that represents a Uniform Resource Locator (URL).\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\",\n" +
	"        \"targetName\",\n" +
	"        \"targetUrl\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"Criteria\": {\n" +
	"      \"description\": \"Descriptive metadata about the achievements necessary to be recognized with an assertion of a particular achievement. This data is added to the Achievement class so that it may be rendered when the achievement assertion is displayed, instead of simply a link to human-readable criteria external to the achievement. Embedding criteria allows either enhancement of an external criteria page or increased portability and ease of use by allowing issuers to skip hosting the formerly-required external criteria page altogether. Criteria is used to allow would-be recipients to learn what is required of them to be recognized with an assertion of a particular achievement. It is also used after the assertion is awarded to a recipient to let those inspecting earned achievements know the general requirements that the recipients met in order to earn it.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The URI of a webpage that describes in a human-readable format the criteria for the achievement.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"narrative\": {\n" +
	"          \"description\": \"A narrative of what is needed to earn the achievement. Markdown is allowed.\",\n" +
	"          \"$comment\": \"Origin: Markdown (DerivedType); A `String` that may contain Markdown.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"IdentifierEntry\": {\n" +
	"      \"description\": \"No description supplied.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"type\": {\n" +
	"          \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'IdentifierEntry'.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"enum\": [\n" +
	"            \"IdentifierEntry\"\n" +
	"          ]\n" +
	"        },\n" +
	"        \"identifier\": {\n" +
	"          \"description\": \"An identifier.\",\n" +
	"          \"$comment\": \"Origin: Identifier (DerivedType); A `NormalizedString` that functions as an identifier.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"identifierType\": {\n" +
	"          \"description\": \"The identifier type.\",\n" +
	"          \"$comment\": \"Origin: IdentifierTypeEnum (EnumExt)\",\n" +
	"          \"oneOf\": [\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"enum\": [\n" +
	"                \"name\",\n" +
	"                \"sourcedId\",\n" +
	"                \"systemId\",\n" +
	"                \"productId\",\n" +
	"                \"userName\",\n" +
	"                \"accountId\",\n" +
	"                \"emailAddress\",\n" +
	"                \"nationalIdentityNumber\",\n" +
	"                \"isbn\",\n" +
	"                \"issn\",\n" +
	"                \"lisSourcedId\",\n" +
	"                \"oneRosterSourcedId\",\n" +
	"                \"sisSourcedId\",\n" +
	"                \"ltiContextId\",\n" +
	"                \"ltiDeploymentId\",\n" +
	"                \"ltiToolId\",\n" +
	"                \"ltiPlatformId\",\n" +
	"                \"ltiUserId\",\n" +
	"                \"identifier\"\n" +
	"              ]\n" +
	"            },\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"pattern\": \"(ext:)[a-z|A-Z|0-9|.|-|_]+\"\n" +
	"            }\n" +
	"          ]\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\",\n" +
	"        \"identifier\",\n" +
	"        \"identifierType\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": false\n" +
	"    },\n" +
	"    \"Proof\": {\n" +
	"      \"description\": \"A JSON-LD Linked Data proof.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"type\": {\n" +
	"          \"description\": \"Signature suite used to produce proof.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"created\": {\n" +
	"          \"description\": \"Date the proof was created.\",\n" +
	"          \"$comment\": \"Origin: DateTime (PrimitiveType); An [[ISO8601]] time using the syntax YYYY-MM-DDThh:mm:ss.\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"format\": \"date-time\"\n" +
	"        },\n" +
	"        \"cryptosuite\": {\n" +
	"          \"description\": \"The suite used to create the proof.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"challenge\": {\n" +
	"          \"description\": \"A value chosen by the verifier to mitigate authentication proof replay attacks.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"domain\": {\n" +
	"          \"description\": \"The domain of the proof to restrict its use to a particular target.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"nonce\": {\n" +
	"          \"description\": \"A value chosen by the creator of proof to randomize proof values for privacy purposes.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"proofPurpose\": {\n" +
	"          \"description\": \"The purpose of the proof to be used with `verificationMethod`. MUST be 'assertionMethod'.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"proofValue\": {\n" +
	"          \"description\": \"Value of the proof.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"verificationMethod\": {\n" +
	"          \"description\": \"The URL of the public key that can verify the signature.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"RefreshService\": {\n" +
	"      \"description\": \"The information in RefreshService is used to refresh the verifiable credential.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The value MUST be the URL of the issuer's refresh service.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"description\": \"The name of the refresh service method.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"Image\": {\n" +
	"      \"description\": \"Metadata about images that represent assertions, achieve or profiles. These properties can typically be represented as just the id string of the image, but using a fleshed-out document allows for including captions and other applicable metadata.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The URI or Data URI of the image.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"description\": \"MUST be the IRI 'Image'.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"enum\": [\n" +
	"            \"Image\"\n" +
	"          ]\n" +
	"        },\n" +
	"        \"caption\": {\n" +
	"          \"description\": \"The caption for the image.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": false\n" +
	"    },\n" +
	"    \"EndorsementSubject\": {\n" +
	"      \"description\": \"A collection of information about the subject of the endorsement.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The identifier of the individual, entity, organization, assertion, or achievement that is endorsed.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"EndorsementSubject\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the URI 'EndorsementSubject'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"endorsementComment\": {\n" +
	"          \"description\": \"Allows endorsers to make a simple claim in writing about the entity.\",\n" +
	"          \"$comment\": \"Origin: Markdown (DerivedType); A `String` that may contain Markdown.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"Result\": {\n" +
	"      \"description\": \"Describes a result that was achieved.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"Result\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'Result'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"achievedLevel\": {\n" +
	"          \"description\": \"If the result represents an achieved rubric criterion level (e.g. Mastered), the value is the `id` of the RubricCriterionLevel in linked ResultDescription.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"alignment\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/Alignment\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"resultDescription\": {\n" +
	"          \"description\": \"An achievement can have many result descriptions describing possible results. The value of `resultDescription` is the `id` of the result description linked to this result. The linked result description must be in the achievement that is being asserted.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"status\": {\n" +
	"          \"description\": \"The status of the achievement. Required if `resultType` of the linked ResultDescription is Status.\",\n" +
	"          \"$comment\": \"Origin: ResultStatusType (Enumeration); Defined vocabulary to convey the status of an achievement.\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"enum\": [\n" +
	"            \"Completed\",\n" +
	"            \"Enrolled\",\n" +
	"            \"Failed\",\n" +
	"            \"InProgress\",\n" +
	"            \"OnHold\",\n" +
	"            \"Provisional\",\n" +
	"            \"Withdrew\"\n" +
	"          ]\n" +
	"        },\n" +
	"        \"value\": {\n" +
	"          \"description\": \"A string representing the result of the performance, or demonstration, of the achievement. For example, 'A' if the recipient received an A grade in class.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"ProfileRef\": {\n" +
	"      \"description\": \"A description of the individual, entity, or organization that issued the credential. Either a URI with the Unique URI for the Issuer/Profile file, or a Profile object MUST be supplied.\",\n" +
	"      \"oneOf\": [\n" +
	"        {\n" +
	"          \"description\": \"A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        {\n" +
	"          \"$ref\": \"#/$defs/Profile\"\n" +
	"        }\n" +
	"      ]\n" +
	"    },\n" +
	"    \"ResultDescription\": {\n" +
	"      \"description\": \"Describes a possible achievement result.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The unique URI for this result description. Required so a result can link to this result description.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"ResultDescription\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'ResultDescription'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"alignment\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/Alignment\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"allowedValue\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"description\": \"An ordered list of allowed values. The values should be ordered from low to high as determined by the achievement creator.\",\n" +
	"            \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"name\": {\n" +
	"          \"description\": \"The name of the result.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"requiredLevel\": {\n" +
	"          \"description\": \"The `id` of the rubric criterion level required to pass as determined by the achievement creator.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"requiredValue\": {\n" +
	"          \"description\": \"A value from `allowedValue` or within the range of `valueMin` to `valueMax` required to pass as determined by the achievement creator.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"resultType\": {\n" +
	"          \"description\": \"The type of result this description represents. This is an extensible enumerated vocabulary.\",\n" +
	"          \"$comment\": \"Origin: ResultType (EnumExt); The type of result. This is an extensible enumerated vocabulary. Extending the vocabulary makes use of a naming convention.\",\n" +
	"          \"oneOf\": [\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"enum\": [\n" +
	"                \"GradePointAverage\",\n" +
	"                \"LetterGrade\",\n" +
	"                \"Percent\",\n" +
	"                \"PerformanceLevel\",\n" +
	"                \"PredictedScore\",\n" +
	"                \"RawScore\",\n" +
	"                \"Result\",\n" +
	"                \"RubricCriterion\",\n" +
	"                \"RubricCriterionLevel\",\n" +
	"                \"RubricScore\",\n" +
	"                \"ScaledScore\",\n" +
	"                \"Status\"\n" +
	"              ]\n" +
	"            },\n" +
	"            {\n" +
	"              \"type\": \"string\",\n" +
	"              \"pattern\": \"(ext:)[a-z|A-Z|0-9|.|-|_]+\"\n" +
	"            }\n" +
	"          ]\n" +
	"        },\n" +
	"        \"rubricCriterionLevel\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/RubricCriterionLevel\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"valueMax\": {\n" +
	"          \"description\": \"The maximum possible `value` that may be asserted in a linked result.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"valueMin\": {\n" +
	"          \"description\": \"The minimum possible `value` that may be asserted in a linked result.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\",\n" +
	"        \"name\",\n" +
	"        \"resultType\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"RubricCriterionLevel\": {\n" +
	"      \"description\": \"Describes a rubric criterion level.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The unique URI for this rubric criterion level. Required so a result can link to this rubric criterion level.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"RubricCriterionLevel\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'RubricCriterionLevel'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"alignment\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/Alignment\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"description\": {\n" +
	"          \"description\": \"Description of the rubric criterion level.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"level\": {\n" +
	"          \"description\": \"The rubric performance level in terms of success.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"name\": {\n" +
	"          \"description\": \"The name of the rubric criterion level.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"points\": {\n" +
	"          \"description\": \"The points associated with this rubric criterion level.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\",\n" +
	"        \"name\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"Related\": {\n" +
	"      \"description\": \"Identifies a related achievement.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The related achievement.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"Related\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'Related'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"inLanguage\": {\n" +
	"          \"description\": \"The language of the related achievement.\",\n" +
	"          \"$comment\": \"Origin: LanguageCode (DerivedType); A language code [[BCP47]].\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"pattern\": \"^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$\"\n" +
	"        },\n" +
	"        \"version\": {\n" +
	"          \"description\": \"The version of the related achievement.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"Profile\": {\n" +
	"      \"description\": \"A Profile is a collection of information that describes the entity or organization using Open Badges. Issuers must be represented as Profiles, and endorsers, or other entities may also be represented using this vocabulary. Each Profile that represents an Issuer may be referenced in many BadgeClasses that it has defined. Anyone can create and host an Issuer file to start issuing Open Badges. Issuers may also serve as recipients of Open Badges, often identified within an Assertion by specific properties, like their url or contact email address.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"Unique URI for the Issuer/Profile file.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"Profile\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'Profile'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"name\": {\n" +
	"          \"description\": \"The name of the entity or organization.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"url\": {\n" +
	"          \"description\": \"The homepage or social media profile of the entity, whether individual or institutional. Should be a URL/URI Accessible via HTTP.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"phone\": {\n" +
	"          \"description\": \"A phone number.\",\n" +
	"          \"$comment\": \"Origin: PhoneNumber (DerivedType); A `NormalizedString` representing a phone number.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"description\": {\n" +
	"          \"description\": \"A short description of the issuer entity or organization.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"endorsement\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/EndorsementCredential\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"endorsementJwt\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"description\": \"Allows endorsers to make specific claims about the individual or organization represented by this profile. These endorsements are signed with the VC-JWT proof format.\",\n" +
	"            \"$comment\": \"Origin: CompactJws (DerivedType); A `String` in Compact JWS format [[RFC7515]].\",\n" +
	"            \"type\": \"string\",\n" +
	"            \"pattern\": \"^[a-zA-Z0-9_-]+\\\\.[a-zA-Z0-9_-]*\\\\.[a-zA-Z0-9_-]+$\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"image\": {\n" +
	"          \"$ref\": \"#/$defs/Image\"\n" +
	"        },\n" +
	"        \"email\": {\n" +
	"          \"description\": \"An email address.\",\n" +
	"          \"$comment\": \"Origin: EmailAddress (DerivedType); A `NormalizedString` representing an email address.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"address\": {\n" +
	"          \"$ref\": \"#/$defs/Address\"\n" +
	"        },\n" +
	"        \"otherIdentifier\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"items\": {\n" +
	"            \"$ref\": \"#/$defs/IdentifierEntry\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"official\": {\n" +
	"          \"description\": \"If the entity is an organization, `official` is the name of an authorized official of the organization.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"parentOrg\": {\n" +
	"          \"$ref\": \"#/$defs/Profile\"\n" +
	"        },\n" +
	"        \"familyName\": {\n" +
	"          \"description\": \"Family name. In the western world, often referred to as the 'last name' of a person.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"givenName\": {\n" +
	"          \"description\": \"Given name. In the western world, often referred to as the 'first name' of a person.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"additionalName\": {\n" +
	"          \"description\": \"Additional name. Includes what is often referred to as 'middle name' in the western world.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"patronymicName\": {\n" +
	"          \"description\": \"Patronymic name.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"honorificPrefix\": {\n" +
	"          \"description\": \"Honorific prefix(es) preceding a person's name (e.g. 'Dr', 'Mrs' or 'Mr').\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"honorificSuffix\": {\n" +
	"          \"description\": \"Honorific suffix(es) following a person's name (e.g. 'M.D, PhD').\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"familyNamePrefix\": {\n" +
	"          \"description\": \"Family name prefix. As used in some locales, this is the leading part of a family name (e.g. 'de' in the name 'de Boer').\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"dateOfBirth\": {\n" +
	"          \"description\": \"Birthdate of the person.\",\n" +
	"          \"$comment\": \"Origin: Date (PrimitiveType); An [[ISO8601]] calendar date using the syntax YYYY-MM-DD.\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"format\": \"date\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"Address\": {\n" +
	"      \"description\": \"An address for the described entity.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"type\": {\n" +
	"          \"type\": \"array\",\n" +
	"          \"minItems\": 1,\n" +
	"          \"contains\": {\n" +
	"            \"enum\": [\n" +
	"              \"Address\"\n" +
	"            ]\n" +
	"          },\n" +
	"          \"items\": {\n" +
	"            \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'Address'.\",\n" +
	"            \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"            \"type\": \"string\"\n" +
	"          }\n" +
	"        },\n" +
	"        \"addressCountry\": {\n" +
	"          \"description\": \"A country.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"addressCountryCode\": {\n" +
	"          \"description\": \"A country code. The value must be a ISO 3166-1 alpha-2 country code [[ISO3166-1]].\",\n" +
	"          \"$comment\": \"Origin: CountryCode (DerivedType); A two-digit ISO 3166-1 alpha-2 country code [[ISO3166-1]].\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"addressRegion\": {\n" +
	"          \"description\": \"A region within the country.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"addressLocality\": {\n" +
	"          \"description\": \"A locality within the region.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"streetAddress\": {\n" +
	"          \"description\": \"A street address within the locality.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"postOfficeBoxNumber\": {\n" +
	"          \"description\": \"A post office box number for PO box addresses.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"postalCode\": {\n" +
	"          \"description\": \"A postal code.\",\n" +
	"          \"$comment\": \"Origin: String (PrimitiveType); Character strings.\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"geo\": {\n" +
	"          \"$ref\": \"#/$defs/GeoCoordinates\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"GeoCoordinates\": {\n" +
	"      \"description\": \"The geographic coordinates of a location.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"type\": {\n" +
	"          \"description\": \"The value of the type property MUST be an unordered set. One of the items MUST be the IRI 'GeoCoordinates'.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\",\n" +
	"          \"enum\": [\n" +
	"            \"GeoCoordinates\"\n" +
	"          ]\n" +
	"        },\n" +
	"        \"latitude\": {\n" +
	"          \"description\": \"The latitude of the location [[WGS84]].\",\n" +
	"          \"$comment\": \"Origin: Float (PrimitiveType)\",\n" +
	"          \"type\": \"number\"\n" +
	"        },\n" +
	"        \"longitude\": {\n" +
	"          \"description\": \"The longitude of the location [[WGS84]].\",\n" +
	"          \"$comment\": \"Origin: Float (PrimitiveType)\",\n" +
	"          \"type\": \"number\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"type\",\n" +
	"        \"latitude\",\n" +
	"        \"longitude\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    },\n" +
	"    \"CredentialSchema\": {\n" +
	"      \"description\": \"Identify the type and location of a data schema.\",\n" +
	"      \"type\": \"object\",\n" +
	"      \"properties\": {\n" +
	"        \"id\": {\n" +
	"          \"description\": \"The value MUST be a URI identifying the schema file. One instance of `CredentialSchema` MUST have an `id` that is the URL of the JSON Schema for this credential defined by this specification.\",\n" +
	"          \"$comment\": \"Origin: URI (DerivedType); A `NormalizedString` that respresents a Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        },\n" +
	"        \"type\": {\n" +
	"          \"description\": \"The value MUST identify the type of data schema validation. One instance of `CredentialSchema` MUST have a `type` of 'JsonSchemaValidator2019'.\",\n" +
	"          \"$comment\": \"Origin: IRI (DerivedType); A `NormalizedString` that represents an Internationalized Resource Identifier (IRI), which extends the ASCII characters subset of the Uniform Resource Identifier (URI).\",\n" +
	"          \"type\": \"string\"\n" +
	"        }\n" +
	"      },\n" +
	"      \"required\": [\n" +
	"        \"id\",\n" +
	"        \"type\"\n" +
	"      ],\n" +
	"      \"additionalProperties\": true\n" +
	"    }\n" +
	"  }\n" +
	"}\n"
