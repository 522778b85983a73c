/** Helpers between the command side and the read models: {@link io.zhenggai.platform.readside.ReadYourWrites}. */
package io.zhenggai.platform.readside;
