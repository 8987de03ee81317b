/**
 * The live and record profiles end to end against gateways on loopback: the local stub set, and hostile gateways
 * that hang, flood or leak.
 */
package com.crazyrouter.coze.live;
