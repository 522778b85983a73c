/**
 * 整改工作台: the staff pages. A UI adapter: server-rendered Thymeleaf pages (the layout lives in the platform's
 * {@code templates/layout/}, ADR 0039) whose forms post to page controllers that send the same commands the API
 * sends, through the {@code CommandGateway}, and read through the {@code QueryGateway}. It knows the messages in
 * {@code api} and the kernel in {@code platform}, nothing of any context (ModularityTest). Login is the form login
 * beside the API's HTTP Basic (ADR 0040).
 */
package io.zhenggai.workbench;
