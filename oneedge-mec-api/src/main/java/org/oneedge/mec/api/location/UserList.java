package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Users matching a query (MEC 013 {@code UserList}, body root {@code userList}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserList(String resourceURL, List<UserInfo> user) {
}
