// The rules of ../shared/data/sigma/rules that Vigil rejects, each with the exact reason and why it is
// right to reject it. sigmahq.test.ts asserts the rejected set is exactly this list: a rule newly rejected,
// or one of these starting to load, fails the test until this list (and its why) is updated.

export interface KnownRejection {
  /** Path under the rules tree. */
  file: string;
  /** The loader's reason, exactly. */
  reason: string;
  /** Why rejecting it is correct. */
  why: string;
}

const PLACEHOLDER =
  '`expand` placeholders take per-workspace values (rules API: placeholders); with none configured the rule cannot mean anything, so it is refused rather than loaded matching nothing or everything';
const BACKTRACKING =
  'the regex nests unbounded quantifiers ((?:.*\\)){1,}), which can backtrack exponentially on hostile input; JavaScript regexes cannot be interrupted, so it is refused';

export const sigmahqKnownRejections: readonly KnownRejection[] = [
  {
    file: 'rules-emerging-threats/2026/Exploits/CVE-2026-54121/win_security_adcs_certighost_cdc_chase_request.yml',
    reason: "line 57: 'Attributes': unresolved placeholder %known_cdcs% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-emerging-threats/2026/Exploits/CVE-2026-54121/win_security_adcs_certighost_cert_issued_via_chase.yml',
    reason: "line 44: 'Attributes': unresolved placeholder %known_cdcs% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/cloud/aws/cloudtrail/aws_cloudtrail_console_login_success_from_susp_locations.yml',
    reason:
      "line 25: 'src_country': unresolved placeholder %Legitimate_Countries% (no values configured for 'expand'); line 27: 'src_ip': unresolved placeholder %Legitimate_IP_Ranges% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/cloud/azure/audit_logs/azure_ad_account_created_deleted_nonapproved_user.yml',
    reason:
      "line 26: 'Initiatied.By': unresolved placeholder %ApprovedUserUpn% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/cloud/azure/audit_logs/azure_ad_guest_users_invited_to_tenant_by_non_approved_inviters.yml',
    reason:
      "line 25: 'properties.initiatedBy': unresolved placeholder %Approved_Inviters% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/cloud/azure/signin_logs/azure_ad_auth_to_important_apps_using_single_factor_auth.yml',
    reason:
      "line 22: 'properties.appId': unresolved placeholder %Important_AppIds% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/cloud/azure/signin_logs/azure_ad_authentications_from_countries_you_do_not_operate_out_of.yml',
    reason:
      "line 26: 'location': unresolved placeholder %Known_Location% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/cloud/azure/signin_logs/azure_ad_failed_auth_from_countries_you_do_not_operate_out_of.yml',
    reason:
      "line 23: 'location': unresolved placeholder %KNOWN_LOCATION% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/cloud/azure/signin_logs/azure_privileged_account_sigin_expected_controls.yml',
    reason:
      "line 23: 'location': unresolved placeholder %UnLegitCountries% (no values configured for 'expand'); line 24: 'callerIpAddress': unresolved placeholder %UnApprovedIp% (no values configured for 'expand'); line 26: 'properties.deviceDetail.deviceId': unresolved placeholder %UnApprovedDevice% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/cloud/azure/signin_logs/azure_users_authenticating_to_other_azure_ad_tenants.yml',
    reason:
      "line 22: 'homeTenantId': unresolved placeholder %HomeTenantID% (no values configured for 'expand'); line 24: 'resourceTenantId': unresolved placeholder %HomeTenantID% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/identity/okta/okta_session_impersonation_granted.yml',
    reason:
      "line 30: 'actor.alternateId': unresolved placeholder %legtimate_identifiers% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_admin_logon.yml',
    reason:
      "line 29: 'SubjectUserName': unresolved placeholder %Admins_Workstations% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_dc_machine_account_logon_non_dc_ip.yml',
    reason:
      "line 37: 'TargetUserName': unresolved placeholder %dc_machine_accounts% (no values configured for 'expand'); line 39: 'IpAddress': unresolved placeholder %dc_ip_addresses% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_dc_machine_account_tgs_non_dc_ip.yml',
    reason:
      "line 38: 'ServiceName': unresolved placeholder %dc_machine_accounts% (no values configured for 'expand'); line 40: 'IpAddress': unresolved placeholder %dc_ip_addresses% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_dc_machine_accoutn_tgt_non_dc_ip.yml',
    reason:
      "line 35: 'TargetUserName': unresolved placeholder %dc_machine_accounts% (no values configured for 'expand'); line 37: 'IpAddress': unresolved placeholder %dc_ip_addresses% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_exploit_cve_2020_1472.yml',
    reason:
      "line 22: 'TargetUserName': unresolved placeholder %DC-MACHINE-NAME% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_modification_of_msds_dmsa_link_attribute.yml',
    reason:
      "line 32: 'SubjectAccountName': unresolved placeholder %Administrators% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_msds_dmsa_object_creation.yml',
    reason:
      "line 34: 'SubjectAccountName': unresolved placeholder %Administrators% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_potential_pass_the_hash.yml',
    reason:
      "line 25: 'WorkstationName': unresolved placeholder %Workstations% (no values configured for 'expand'); line 26: 'ComputerName': unresolved placeholder %Workstations% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_remote_registry_management_via_reg.yml',
    reason:
      "line 27: 'IpAddress': unresolved placeholder %Admins_Workstations% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/builtin/security/win_security_susp_interactive_logons.yml',
    reason:
      "line 28: 'ComputerName': unresolved placeholder %ServerSystems% (no values configured for 'expand'); line 28: 'ComputerName': unresolved placeholder %DomainControllers% (no values configured for 'expand'); line 33: 'ComputerName': unresolved placeholder %Workstations% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/dns_query/dns_query_win_wscript_cscript_resolution.yml',
    reason:
      "line 23: 'QueryName': unresolved placeholder %internal_domains% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/network_connection/net_connection_win_certsvc_outbound_smb_ldap.yml',
    reason:
      "line 45: 'DestinationIp': unresolved placeholder %legit_ips% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/network_connection/net_connection_win_susp_rdp_from_domain_controller.yml',
    reason:
      "line 20: 'Computer': unresolved placeholder %domain_controller_hostnames% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules-placeholder/windows/process_creation/proc_creation_win_userdomain_variable_enumeration.yml',
    reason: "line 20: 'CommandLine': unresolved placeholder %userdomain% (no values configured for 'expand')",
    why: PLACEHOLDER,
  },
  {
    file: 'rules/windows/powershell/powershell_module/posh_pm_invoke_obfuscation_var.yml',
    reason:
      'line 24: \'Payload\': invalid regular expression /cmd.{0,5}(?:/c|/r)(?:\\s|)"set\\s[a-zA-Z]{3,6}.*(?:\\{\\d\\}){1,}\\\\"\\s+?-f(?:.*\\)){1,}.*"/: nested unbounded quantifiers risk catastrophic backtracking',
    why: BACKTRACKING,
  },
  {
    file: 'rules/windows/powershell/powershell_script/posh_ps_invoke_obfuscation_var.yml',
    reason:
      'line 21: \'ScriptBlockText\': invalid regular expression /cmd.{0,5}(?:/c|/r)(?:\\s|)"set\\s[a-zA-Z]{3,6}.*(?:\\{\\d\\}){1,}\\\\"\\s+?-f(?:.*\\)){1,}.*"/: nested unbounded quantifiers risk catastrophic backtracking',
    why: BACKTRACKING,
  },
  {
    file: 'rules/windows/process_creation/proc_creation_win_hktl_invoke_obfuscation_var.yml',
    reason:
      'line 22: \'CommandLine\': invalid regular expression /cmd.{0,5}(?:/c|/r)(?:\\s|)\\"set\\s[a-zA-Z]{3,6}.*(?:\\{\\d\\}){1,}\\\\\\"\\s+?\\-f(?:.*\\)){1,}.*\\"/: nested unbounded quantifiers risk catastrophic backtracking',
    why: BACKTRACKING,
  },
];
