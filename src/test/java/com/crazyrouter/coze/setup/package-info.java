/**
 * A builder's own setup (-Dcoze.setup=FILE): reading an OpenAPI document, a workflow node or a cURL command, with
 * file and line; Coze's save rules; the setup check against the guide's checklist.
 */
package com.crazyrouter.coze.setup;
