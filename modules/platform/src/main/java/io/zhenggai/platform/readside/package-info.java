/** Helpers between the command side and the read models: {@link io.zhenggai.platform.readside.ReadYourWrites}. */
@org.springframework.modulith.NamedInterface("readside")
package io.zhenggai.platform.readside;
