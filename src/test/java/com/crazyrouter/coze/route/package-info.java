/**
 * The two Coze routes as coze-studio's code shows them: the API plugin tool and the workflow HTTP node, how each
 * renders a request, what it refuses to send, and what the Coze builder sees of an answer.
 */
package com.crazyrouter.coze.route;
