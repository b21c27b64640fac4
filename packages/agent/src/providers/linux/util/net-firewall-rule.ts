/** One Firewall row before the agent adds Device. */
export interface FirewallRule {
  Backend: string;
  Family: string;
  Table: string;
  Chain: string;
  Hook: string;
  ChainPolicy: string;
  RuleNumber: number;
  Rule: string;
  Action: string;
  Comment: string;
}
