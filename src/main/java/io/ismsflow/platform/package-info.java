/** Small pieces shared by every module (ports, start-up failures, time); no domain logic. */
package io.ismsflow.platform;
