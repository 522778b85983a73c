/** Blank handling of optional text. */
@org.springframework.modulith.NamedInterface("text")
package io.zhenggai.platform.text;
