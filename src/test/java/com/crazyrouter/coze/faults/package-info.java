/**
 * The fault catalogue: each fault under src/test/resources/faults breaks the stub one way, and the scenarios of
 * the guide row it breaks must turn red; a control fault must leave them green.
 */
package com.crazyrouter.coze.faults;
