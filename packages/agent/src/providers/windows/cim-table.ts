import type { CimType, CimUnit } from './cim-values.js';

export interface CimProperty {
  readonly name: string;
  readonly type: CimType;
  readonly unit?: CimUnit;
}

export interface CimSource {
  /** WMI namespace with forward slashes, as Get-CimInstance -Namespace takes it. */
  readonly namespace: string;
  readonly className: string;
  readonly properties: readonly CimProperty[];
}

const TYPES = new Set<string>(['string', 'long', 'bool', 'datetime', 'timespan']);
const UNITS = new Set<string>(['KiloBytes', 'MegaBytes', 'GigaBytes', 'Seconds', 'HexString', 'DateString']);

/**
 * Reads CMPivot's select-list notation, `Prop[:Type[:Unit]]` separated by spaces (a bare name is a
 * string), so each entity fits on one line. A typo is refused when the module loads.
 */
function cim(namespace: string, className: string, list: string): CimSource {
  const properties = list.split(' ').map((item): CimProperty => {
    const [name = '', type = 'string', unit] = item.split(':');
    if (!/^\w+$/.test(name) || !TYPES.has(type) || (unit !== undefined && !UNITS.has(unit))) {
      throw new Error(`cim-table: bad property '${item}' for ${className}`);
    }
    return unit ? { name, type: type as CimType, unit: unit as CimUnit } : { name, type: type as CimType };
  });
  return { namespace, className, properties };
}

/**
 * Every entity CMPivot reads with a WMI query, by entity name, with the properties (columns) and
 * their types as windows-entities.md gives them. The Linux-first entities that are WMI classes on
 * Windows (Bios, OperatingSystem, LogicalDisk, Process, Service…) are here too. Sizes CMPivot
 * reports in MB (inventory convention) carry the MegaBytes unit. Device is not here: it needs two
 * classes, so a collector reads it (system-collectors.ts).
 */
export const CIM_TABLE: Readonly<Record<string, CimSource>> = {
  AccountSID: cim('root/cimv2', 'Win32_AccountSID', 'Element Setting'),
  AppVClientApplication: cim('root/AppV', 'AppvClientApplication', 'Name Version ApplicationId PackageId PackageVersionId TargetPath EnabledGlobally:bool EnabledForUser:bool'),
  AppVClientPackage: cim('root/AppV', 'AppvClientPackage', 'Name Version PackageId VersionId Path PackageSize:long PercentLoaded:long InUse:bool IsPublishedGlobally:bool IsPublishedToUser:bool'),
  AutoStartSoftware: cim('root/cimv2/sms', 'SMS_AutoStartSoftware', 'FileName Location StartupType StartupValue Product ProductVersion Publisher Description FileVersion'),
  BaseBoard: cim('root/cimv2', 'Win32_BaseBoard', 'Manufacturer Product SerialNumber Version Model PartNumber Tag HostingBoard:bool Status'),
  Battery: cim('root/cimv2', 'Win32_Battery', 'DeviceID Name Status BatteryStatus:long EstimatedChargeRemaining:long EstimatedRunTime:long DesignCapacity:long FullChargeCapacity:long DesignVoltage:long Chemistry:long TimeToFullCharge:long'),
  Bios: cim('root/cimv2', 'Win32_BIOS', 'Manufacturer Version SMBIOSBIOSVersion SerialNumber ReleaseDate:datetime Name'),
  BitLocker: cim('root/cimv2/Security/MicrosoftVolumeEncryption', 'Win32_EncryptableVolume', 'DeviceID DriveLetter PersistentVolumeID ProtectionStatus:long'),
  BitLockerEncryptionDetails: cim('root/cimv2', 'Win32_BitLockerEncryptionDetails', 'DeviceId DriveLetter BitlockerPersistentVolumeId Compliant:long ConversionStatus:long EncryptionMethod:long ProtectionStatus:long IsAutoUnlockEnabled:bool MbamVolumeType:long EnforcePolicyDate NoncomplianceDetectedDate'),
  BitLockerPolicy: cim('root/cimv2', 'Win32Reg_MBAMPolicy', 'KeyName EncryptionMethod:long OsDriveEncryption:long OsDriveProtector:long FixedDataDriveEncryption:long FixedDataDriveAutoUnlock:long MBAMPolicyEnforced:long MBAMMachineError:long LastConsoleUser UserExemptionDate:datetime EncodedComputerName'),
  BootConfiguration: cim('root/cimv2', 'Win32_BootConfiguration', 'Name BootDirectory ConfigurationPath Description LastDrive ScratchDirectory TempDirectory'),
  BrowserHelperObject: cim('root/cimv2/sms', 'SMS_BrowserHelperObject', 'FileName CLSID Description Product ProductVersion Publisher Version FileVersion BinFileVersion'),
  BrowserUsage: cim('root/cimv2/sms', 'SMS_BrowserUsage', 'BrowserName UsagePercentage:long'),
  CCMRAX: cim('root/ccm/cimodels', 'CCM_RAXInfo', 'AppID FeedURL UserSID'),
  CCMRecentlyUsedApplications: cim('root/cimv2/sms', 'CCM_RecentlyUsedApps', 'CompanyName ExplorerFileName FolderPath LastUsedTime:datetime LaunchCount:long ProductName ProductVersion FileVersion FileDescription FileSize:long LastUserName OriginalFileName msiDisplayName msiPublisher msiVersion'),
  CCMWebAppInstallInfo: cim('root/ccm/cimodels', 'CCM_WebAppInstallInfo', 'AppDeliveryTypeId AppDtRevision:long TargetURL URLFileName URLPath UserSID'),
  CDROM: cim('root/cimv2', 'Win32_CDROMDrive', 'DeviceID Drive Name Manufacturer MediaType MediaLoaded:bool VolumeName Size:long Status'),
  ClientEvents: cim('root/ccm/invagt', 'ClientEvents', 'EventName Count:long'),
  ComputerSystem: cim('root/cimv2', 'Win32_ComputerSystem', 'Name Manufacturer Model Domain DomainRole:long UserName SystemType NumberOfProcessors:long TotalPhysicalMemory:long CurrentTimeZone:long PrimaryOwnerName Status'),
  ComputerSystemEx: cim('root/cimv2', 'CCM_ComputerSystemExtended', 'Name PCSystemType:long'),
  ComputerSystemProduct: cim('root/cimv2', 'Win32_ComputerSystemProduct', 'Name Vendor Version IdentifyingNumber UUID SKUNumber Caption Description'),
  ConnectedDevice: cim('root/SmsDm', 'SMS_ActiveSyncConnectedDevice', 'DeviceType DeviceOEMInfo OS_Platform OS_Major OS_Minor OS_Build InstalledClientVersion LastSyncTime'),
  Desktop: cim('root/cimv2', 'Win32_Desktop', 'Name ScreenSaverActive:bool ScreenSaverExecutable ScreenSaverSecure:bool ScreenSaverTimeout:long Wallpaper BorderWidth:long'),
  DesktopMonitor: cim('root/cimv2', 'Win32_DesktopMonitor', 'DeviceID Name MonitorManufacturer MonitorType ScreenWidth:long ScreenHeight:long PixelsPerXLogicalInch:long PixelsPerYLogicalInch:long PNPDeviceID Availability:long Status'),
  Disk: cim('root/cimv2', 'Win32_LogicalDisk', 'Name Description FreeSpace:long Size:long DeviceID FileSystem VolumeName DriveType:long'),
  DMA: cim('root/cimv2', 'Win32_DeviceMemoryAddress', 'Name StartingAddress:long EndingAddress:long MemoryType Caption Status'),
  DMAChannel: cim('root/cimv2', 'Win32_DMAChannel', 'DMAChannel:long Name Port:long MaxTransferSize:long Availability:long Status'),
  DriverVxD: cim('root/cimv2', 'Win32_DriverVXD', 'Name Version BuildNumber Description Manufacturer Status'),
  EmbeddedDeviceInformation: cim('root/cimv2/sms', 'CCM_EmbeddedDeviceInformation', 'DeviceType Model OEMName'),
  Environment: cim('root/cimv2', 'Win32_Environment', 'Name VariableValue UserName SystemVariable:bool Caption Description Status'),
  EPStatus: cim('root/Microsoft/Windows/Defender', 'MSFT_MpComputerStatus', 'AMServiceEnabled:bool AntispywareEnabled:bool AntispywareSignatureLastUpdated:datetime AntispywareSignatureVersion AntivirusEnabled:bool AntivirusSignatureLastUpdated:datetime AntivirusSignatureVersion BehaviorMonitorEnabled:bool IoavProtectionEnabled:bool IsTamperProtected:bool NISEnabled:bool NISSignatureLastUpdated:datetime NISSignatureVersion OnAccessProtectionEnabled:bool QuickScanEndTime:datetime RealTimeProtectionEnabled:bool'),
  FileShare: cim('root/cimv2', 'Win32_Share', 'Name Path Description Type:long'),
  Firmware: cim('root/cimv2/sms', 'SMS_Firmware', 'UEFI:bool SecureBoot:bool'),
  IDEController: cim('root/cimv2', 'Win32_IDEController', 'DeviceID Name Manufacturer PNPDeviceID Availability:long Status'),
  InstalledExecutable: cim('root/cimv2/sms', 'SMS_InstalledExecutable', 'ExecutableName InstalledFilePath FileVersion FileSize:long Product ProductVersion Publisher ProductCode Description Language:long IsSystemFile:bool IsVitalFile:bool'),
  InstalledSoftware: cim('root/cimv2/sms', 'SMS_InstalledSoftware', 'ProductName ProductVersion Publisher ARPDisplayName SoftwareCode InstallDate:datetime InstalledLocation InstallSource UninstallString UpgradeCode VersionMajor:long VersionMinor:long Language:long InstallType:long'),
  IRQTable: cim('root/cimv2', 'Win32_IRQResource', 'IRQNumber:long Name Hardware:bool Shareable:bool TriggerLevel:long TriggerType:long Vector:long Availability:long Status'),
  Keyboard: cim('root/cimv2', 'Win32_Keyboard', 'DeviceID Name Description Layout NumberOfFunctionKeys:long PNPDeviceID Status'),
  LoadOrderGroup: cim('root/cimv2', 'Win32_LoadOrderGroup', 'Name GroupOrder:long DriverEnabled:bool Description Status'),
  LogicalDisk: cim('root/cimv2/sms', 'SMS_LogicalDisk', 'DeviceID Name Caption Description DriveType:long FileSystem VolumeName VolumeSerialNumber Size:long:MegaBytes FreeSpace:long:MegaBytes Compressed:bool ProviderName SystemName'),
  MDMDevDetail: cim('root/cimv2/mdm/dmmap', 'MDM_DevDetail_Ext01', 'InstanceID ParentID DeviceHardwareData WLANMACAddress'),
  Memory: cim('root/cimv2', 'CCM_LogicalMemoryConfiguration', 'Name TotalPhysicalMemory:long TotalVirtualMemory:long AvailableVirtualMemory:long TotalPageFileSpace:long'),
  Modem: cim('root/cimv2', 'Win32_POTSModem', 'DeviceID Name Model ProviderName AttachedTo DeviceType MaxBaudRateToPhone:long Status'),
  Motherboard: cim('root/cimv2', 'Win32_MotherboardDevice', 'DeviceID Name PrimaryBusType SecondaryBusType RevisionNumber PNPDeviceID Status'),
  NAPClient: cim('root/Nap', 'NAP_Client', 'name description napEnabled:bool napProtocolVersion fixupURL probationTime systemIsolationState:long'),
  NAPSystemHealthAgent: cim('root/Nap', 'NAP_SystemHealthAgent', 'ID:long friendlyName description vendorName version isBound:bool fixupState:long percentage:long registrationDate infoClsid'),
  NetworkAdapter: cim('root/cimv2', 'Win32_NetworkAdapter', 'DeviceID Index:long Name Description ProductName Manufacturer AdapterType MACAddress ServiceName Speed:long MaxSpeed:long Installed:bool PNPDeviceID Status TimeOfLastReset:datetime NetConnectionID NetConnectionStatus:long NetEnabled:bool PhysicalAdapter:bool'),
  NetworkAdapterConfiguration: cim('root/cimv2', 'Win32_NetworkAdapterConfiguration', 'Index:long Description MACAddress IPEnabled:bool DHCPEnabled:bool DHCPServer DHCPLeaseObtained:datetime DHCPLeaseExpires:datetime DNSDomain DNSHostName ServiceName SettingID MTU:long TcpipNetbiosOptions:long WINSPrimaryServer'),
  NetworkClient: cim('root/cimv2', 'Win32_NetworkClient', 'Name Caption Description Manufacturer InstallDate:datetime Status'),
  NetworkLoginProfile: cim('root/cimv2', 'Win32_NetworkLoginProfile', 'Name FullName LastLogon:datetime LastLogoff:datetime NumberOfLogons:long BadPasswordCount:long Privileges:long UserType HomeDirectory LogonServer AccountExpires:datetime PasswordExpires:datetime PasswordAge:string:DateString'),
  NTEventlogFile: cim('root/cimv2', 'Win32_NTEventlogFile', 'LogfileName Name FileSize:long MaxFileSize:long NumberOfRecords:long OverWritePolicy OverwriteOutDated:long LastModified:datetime Status'),
  Office365ProPlusConfigurations: cim('root/cimv2', 'Office365ProPlusConfigurations', 'VersionToReport cfgUpdateChannel UpdateChannel CDNBaseUrl GPOChannel Platform ClientCulture UpdatesEnabled AutoUpgrade CCMManaged SharedComputerLicensing LastScenario LastScenarioResult InstallationPath'),
  OfficeAddin: cim('root/ccm/InvAgt', 'CCM_OfficeAddin', 'OfficeApp FriendlyName ProductName ProductVersion CompanyName FileName FileVersion Architecture Type LoadBehavior:long LoadCount:long LoadFailCount:long CrashCount:long AverageLoadTimeInMilliseconds:long'),
  OfficeClientMetric: cim('root/ccm/InvAgt', 'CCM_OfficeClientMetric', 'OfficeApp SessionCount:long CrashedSessionCount:long CompatibilityErrorCount:long MacroCompileErrorCount:long MacroRuntimeErrorCount:long'),
  OfficeDeviceSummary: cim('root/ccm/InvAgt', 'CCM_OfficeDeviceSummary', 'IsProPlusInstalled:bool IsTelemetryEnabled:bool'),
  OfficeDocumentMetric: cim('root/ccm/InvAgt', 'CCM_OfficeDocumentMetric', 'OfficeApp TotalLocalDocs:long TotalCloudDocs:long TotalUncDocs:long TotalLegacyDocs:long TotalMacroDocs:long TotalNonMacroDocs:long'),
  OfficeDocumentSolution: cim('root/ccm/InvAgt', 'CCM_OfficeDocumentSolution', 'DocumentSolutionId OfficeApp Type ExampleFileName LoadCount:long LoadFailCount:long CrashCount:long CompatibilityErrorCount:long MacroCompileErrorCount:long MacroRuntimeErrorCount:long'),
  OfficeMacroError: cim('root/ccm/InvAgt', 'CCM_OfficeMacroError', 'DocumentSolutionId Type ErrorCode:long Count:long LastOccurrence:long'),
  OfficeProductInfo: cim('root/ccm/InvAgt', 'CCM_OfficeProductInfo', 'ProductName ProductVersion Architecture Channel Language LicenseState IsProPlusInstalled:long'),
  OfficeVbaRuleViolation: cim('root/ccm/InvAgt', 'CCM_OfficeVbaRuleViolation', 'RuleId:long FileCount:long OfficeApp'),
  OfficeVbaSummary: cim('root/ccm/InvAgt', 'CCM_OfficeVbaScanResultsSummary', 'Total:long HasVba:long NoVba:long Issues:long IssuesNone:long Locked:long Protected:long Inaccessible:long DuplicateVba:long Score:long HasResults:bool'),
  OperatingSystem: cim('root/cimv2', 'Win32_OperatingSystem', 'Caption Version BuildNumber OSArchitecture InstallDate:datetime LastBootUpTime:datetime OSLanguage:long OperatingSystemSKU:long ProductType:long CSDVersion Locale SerialNumber TotalVisibleMemorySize:long FreePhysicalMemory:long WindowsDirectory'),
  OperatingSystemEx: cim('root/cimv2', 'CCM_OperatingSystemExtended', 'Name SKU:long'),
  OperatingSystemRecoveryConfiguration: cim('root/cimv2', 'Win32_OSRecoveryConfiguration', 'Name AutoReboot:bool DebugFilePath KernelDumpOnly:bool OverwriteExistingDebugFile:bool SendAdminAlert:bool WriteDebugInfo:bool WriteToSystemLog:bool'),
  OptionalFeature: cim('root/cimv2', 'Win32_OptionalFeature', 'Name Caption Description InstallState:long InstallDate:datetime Status'),
  OS: cim('root/cimv2', 'Win32_OperatingSystem', 'Version Caption OSArchitecture FreePhysicalMemory:long BuildNumber LastBootUpTime:datetime'),
  PageFileSetting: cim('root/cimv2', 'Win32_PageFileSetting', 'Name Caption Description InitialSize:long MaximumSize:long SettingID'),
  ParallelPort: cim('root/cimv2', 'Win32_ParallelPort', 'DeviceID Name DMASupport:bool PNPDeviceID Availability:long Status'),
  Partition: cim('root/cimv2', 'Win32_DiskPartition', 'DeviceID Name DiskIndex:long Index:long Type Bootable:bool BootPartition:bool PrimaryPartition:bool Size:long:MegaBytes StartingOffset:long BlockSize:long NumberOfBlocks:long'),
  PCMCIAController: cim('root/cimv2', 'Win32_PCMCIAController', 'DeviceID Name Manufacturer PNPDeviceID Status'),
  PhysicalDisk: cim('root/Microsoft/Windows/Storage', 'MSFT_PhysicalDisk', 'FriendlyName Model Manufacturer SerialNumber FirmwareVersion MediaType:long BusType:long HealthStatus:long Size:long AllocatedSize:long SpindleSpeed:long DeviceId UniqueId Usage:long CanPool:bool'),
  PhysicalMemory: cim('root/cimv2', 'Win32_PhysicalMemory', 'BankLabel DeviceLocator Capacity:long:MegaBytes Manufacturer PartNumber SerialNumber Speed:long FormFactor:long MemoryType:long TypeDetail:long Tag'),
  PNPDEVICEDRIVER: cim('root/cimv2', 'Win32_PnPEntity', 'DeviceID Name Caption Description Manufacturer ClassGuid PNPDeviceID Service ConfigManagerErrorCode:long Status'),
  PointingDevice: cim('root/cimv2', 'Win32_PointingDevice', 'DeviceID Name Manufacturer HardwareType NumberOfButtons:long PointingType:long DeviceInterface:long PNPDeviceID Status'),
  PortableBattery: cim('root/cimv2', 'Win32_PortableBattery', 'DeviceID Name Manufacturer Location ManufactureDate Chemistry:long DesignCapacity:long FullChargeCapacity:long DesignVoltage:long EstimatedChargeRemaining:long EstimatedRunTime:long BatteryStatus:long Status'),
  Ports: cim('root/cimv2', 'Win32_PortResource', 'Name StartingAddress:long EndingAddress:long Alias:bool Caption Status'),
  PowerCapabilities: cim('root/ccm/PowerManagementAgent', 'CCM_PwrMgmtSystemPowerCapabilities', 'PreferredPMProfile:long SystemS3:bool SystemS4:bool SystemS5:bool LidPresent:bool SystemBatteriesPresent:bool UpsPresent:bool FullWake:bool ProcessorThrottle:bool VideoDimPresent:bool RtcWake MinDeviceWakeState'),
  PowerClientOptOutSettings: cim('root/ccm/ClientSDK', 'CCM_PowerManagementClientOptoutSetting', 'AdminAllowOptout:bool EffectiveClientOptOut:bool IsClientOptOut:bool'),
  PowerConfigurations: cim('root/ccm/Policy/Machine/ActualConfig', 'CCM_PowerConfig', 'PowerConfigID DurationInSec:long PeakPowerPlan PeakPowerPlanName NonPeakPowerPlan NonPeakPowerPlanName PeakStartTimeHoursMin WakeUpTimeHoursMin'),
  PowerManagementDaily: cim('root/ccm/PowerManagementAgent', 'CCM_PwrMgmtActualDay', 'Date:datetime TypeOfEvent minutesTotal:long hr0_1:long hr1_2:long hr2_3:long hr3_4:long hr4_5:long hr5_6:long hr6_7:long hr7_8:long hr8_9:long hr9_10:long hr10_11:long hr11_12:long hr12_13:long hr13_14:long hr14_15:long hr15_16:long hr16_17:long hr17_18:long hr18_19:long hr19_20:long hr20_21:long hr21_22:long hr22_23:long hr23_0:long'),
  PowerManagementInsomniaReasons: cim('root/ccm/PowerManagementAgent', 'CCM_PwrMgmtLastSuspendError', 'Time:datetime Requester RequesterType RequestType RequesterInfo AdditionalCode:long AdditionalInfo UnknownRequester:bool'),
  PowerManagementMonthly: cim('root/ccm/PowerManagementAgent', 'CCM_PwrMgmtMonth', 'MonthStart:datetime TypeOfEvent minutesComputerActive:long minutesComputerOn:long minutesComputerShutdown:long minutesComputerSleep:long minutesMonitorOn:long minutesTotal:long'),
  PowerSettings: cim('root/cimv2/sms', 'SMS_PowerSettings', 'GUID Name ACSettingIndex ACValue DCSettingIndex DCValue UnitSpecifier'),
  PrinterConfiguration: cim('root/cimv2', 'Win32_PrinterConfiguration', 'Name DeviceName DriverVersion:long Color:long Duplex:bool Copies:long Orientation:long PaperSize PrintQuality:long HorizontalResolution:long VerticalResolution:long'),
  PrinterDevice: cim('root/cimv2', 'Win32_Printer', 'DeviceID Name DriverName PortName Location ShareName ServerName PrinterStatus:long PrinterState:long Attributes:long SpoolEnabled:bool Status'),
  PrintJobs: cim('root/cimv2', 'Win32_PrintJob', 'Name Document Owner HostPrintQueue DriverName JobId:long JobStatus Status TotalPages:long PagesPrinted:long Size:long Priority:long TimeSubmitted:datetime'),
  Process: cim('root/cimv2', 'Win32_Process', 'Name CommandLine ProcessId:long ParentProcessId:long ExecutablePath CreationDate:datetime HandleCount:long WorkingSetSize:long'),
  Processor: cim('root/cimv2/sms', 'SMS_Processor', 'Name Manufacturer DeviceID MaxClockSpeed:long CurrentClockSpeed:long NumberOfCores:long NumberOfLogicalProcessors:long LoadPercentage:long Architecture:long AddressWidth:long Is64Bit:bool IsHyperthreadEnabled:bool IsVitualizationCapable:bool L2CacheSize:long ProcessorId'),
  ProtectedVolumeInformation: cim('root/cimv2/sms', 'CCM_ProtectedVolumeInfo', 'Name DriveLetter ProtectionType:long'),
  Protocol: cim('root/cimv2', 'Win32_NetworkProtocol', 'Name Caption Description ConnectionlessService:bool GuaranteesDelivery:bool SupportsEncryption:bool MaximumMessageSize:long Status'),
  QuickFixEngineering: cim('root/cimv2', 'Win32_QuickFixEngineering', 'HotFixID Description InstalledOn InstalledBy Caption ServicePackInEffect FixComments Name Status InstallDate:datetime'),
  SCSIController: cim('root/cimv2', 'Win32_SCSIController', 'DeviceID Name Manufacturer DriverName HardwareVersion PNPDeviceID Status'),
  SerialPortConfiguration: cim('root/cimv2', 'Win32_SerialPortConfiguration', 'Name BaudRate:long BitsPerByte:long Parity StopBits IsBusy:bool AbortReadWriteOnError:bool'),
  SerialPorts: cim('root/cimv2', 'Win32_SerialPort', 'DeviceID Name MaxBaudRate:long ProviderType OSAutoDiscovered:bool PNPDeviceID Status'),
  ServerFeature: cim('root/cimv2', 'Win32_ServerFeature', 'ID:long Name ParentID:long'),
  Service: cim('root/cimv2', 'Win32_Service', 'Name State StartMode DisplayName PathName StartName ProcessId:long Started:bool'),
  Services: cim('root/cimv2', 'Win32_Service', 'Name DisplayName State StartMode StartName PathName ProcessId:long ServiceType Started:bool ExitCode:long AcceptStop:bool Status'),
  Shares: cim('root/cimv2', 'Win32_Share', 'Name Path Description Caption Type:long AccessMask:long AllowMaximum:bool MaximumAllowed:long Status'),
  SMSAdvancedClientPorts: cim('root/cimv2', 'Win32Reg_SMSAdvancedClientPorts', 'InstanceKey PortName:long HttpsPortName:long'),
  SMSAdvancedClientSSLConfigurations: cim('root/cimv2', 'Win32Reg_SMSAdvancedClientSSLConfiguration', 'InstanceKey CertificateSelectionCriteria CertificateStore ClientAlwaysOnInternet:long HttpsStateFlags:long InternetMPHostName SelectFirstCertificate:long'),
  SMSAdvancedClientState: cim('root/ccm', 'CCM_InstalledComponent', 'Name DisplayName Version'),
  SMSDefaultBrowser: cim('root/cimv2/sms', 'SMS_DefaultBrowser', 'BrowserProgId'),
  SMSSoftwareTag: cim('root/cimv2/sms', 'SMS_SoftwareTag', 'ProductName DisplayVersion SoftwareCreator SoftwareLicensor TagCreator TagCreatorRegid UniqueID EntitlementRequired:bool VersionMajor:long VersionMinor:long'),
  SMSWindows8Application: cim('root/cimv2/sms', 'SMS_Windows8Application', 'ApplicationName FullName FamilyName Version Publisher PublisherId Architecture InstalledLocation IsFramework:bool ConfigMgrManaged:bool DependencyApplicationNames'),
  SMSWindows8ApplicationUserInfo: cim('root/cimv2/sms', 'SMS_Windows8ApplicationUserInfo', 'FullName UserSecurityId UserAccountName InstallState'),
  SoftwareShortcut: cim('root/cimv2/sms', 'SMS_SoftwareShortcut', 'ShortcutName ShortcutKey TargetExecutable ParentName Product ProductVersion Publisher ProductCode FileVersion FileSize:long ShortcutType:long Language:long'),
  SoundDevices: cim('root/cimv2', 'Win32_SoundDevice', 'DeviceID Name Manufacturer ProductName PNPDeviceID StatusInfo:long Status'),
  SWLicensingProduct: cim('root/cimv2', 'SoftwareLicensingProduct', 'ID Name Description ApplicationID LicenseStatus:long PartialProductKey ProductKeyID GracePeriodRemaining:long EvaluationEndDate:datetime'),
  SWLicensingService: cim('root/cimv2', 'SoftwareLicensingService', 'Version ClientMachineID KeyManagementServiceMachine KeyManagementServiceProductKeyID IsKeyManagementServiceMachine:long KeyManagementServiceCurrentCount:long RequiredClientCount:long VLActivationInterval:long VLRenewalInterval:long PolicyCacheRefreshRequired:long'),
  SystemAccount: cim('root/cimv2', 'Win32_SystemAccount', 'Name Domain SID SIDType:long Caption Description Status'),
  SystemBootData: cim('root/ccm', 'CCM_SystemBootData', 'SystemStartTime:long BootDuration:long EventLogStart:long GPDuration:long UpdateDuration:long BiosDuration:long BootDiskMediaType:long OSVersion'),
  SystemBootSummary: cim('root/ccm', 'CCM_SystemBootSummary', 'AverageBootFrequency:long LatestBootDuration:long LatestCoreBootDuration:long LatestBiosDuration:long LatestEventLogStart:long LatestGPDuration:long LatestUpdateDuration:long MaxBootDuration:long MedianBootDuration:long MedianGPDuration:long'),
  SystemConsoleUsage: cim('root/cimv2/sms', 'SMS_SystemConsoleUsage', 'TopConsoleUser TotalConsoleTime:long TotalConsoleUsers:long TotalSecurityLogTime:long SecurityLogStartDate:datetime'),
  SystemConsoleUser: cim('root/cimv2/sms', 'SMS_SystemConsoleUser', 'SystemConsoleUser LastConsoleUse:datetime NumberOfConsoleLogons:long TotalUserConsoleMinutes:long'),
  SystemDevices: cim('root/cimv2/sms', 'CCM_SystemDevices', 'Name DeviceID IsPnP:bool'),
  SystemDrivers: cim('root/cimv2', 'Win32_SystemDriver', 'Name DisplayName PathName State StartMode Started:bool ServiceType ErrorControl ExitCode:long Status'),
  SystemEnclosure: cim('root/cimv2', 'Win32_SystemEnclosure', 'Manufacturer Model SerialNumber SMBIOSAssetTag Tag PartNumber Version LockPresent:bool SecurityStatus:long'),
  TapeDrive: cim('root/cimv2', 'Win32_TapeDrive', 'DeviceID Name Manufacturer MediaType Compression:long NeedsCleaning:bool Status'),
  TimeZone: cim('root/cimv2', 'Win32_TimeZone', 'Caption Description StandardName DaylightName Bias:long StandardBias:long DaylightBias:long SettingID'),
  TPM: cim('root/cimv2/Security/MicrosoftTpm', 'Win32_Tpm', 'IsActivated_InitialValue:bool IsEnabled_InitialValue:bool IsOwned_InitialValue:bool ManufacturerId:long ManufacturerVersion ManufacturerVersionInfo PhysicalPresenceVersionInfo SpecVersion'),
  TPMStatus: cim('root/cimv2/sms', 'SMS_TPM', 'IsReady:bool IsApplicable:bool Information:long'),
  TSIssuedLicense: cim('root/cimv2', 'Win32_TSIssuedLicense', 'LicenseId:long KeyPackId:long LicenseStatus:long IssueDate:datetime ExpirationDate:datetime sIssuedToUser sIssuedToComputer sHardwareId'),
  TSLicenseKeyPack: cim('root/cimv2', 'Win32_TSLicenseKeyPack', 'KeyPackId:long Description KeyPackType:long ProductType:long ProductVersion TotalLicenses:long IssuedLicenses:long AvailableLicenses:long'),
  UninterruptiblePowerSupply: cim('root/cimv2', 'Win32_UninterruptiblePowerSupply', 'DeviceID Name BatteryInstalled:bool EstimatedChargeRemaining:long EstimatedRunTime:long RemainingCapacityStatus:long UPSPort Status'),
  USBController: cim('root/cimv2', 'Win32_USBController', 'DeviceID Name Manufacturer PNPDeviceID Status'),
  USBDevice: cim('root/cimv2', 'Win32_USBDevice', 'DeviceID Name Caption Description Manufacturer ClassGuid PNPDeviceID Service Status'),
  USMFolderRedirectionHealth: cim('root/cimv2/sms', 'SMS_FolderRedirectionHealth', 'FolderName SID HealthStatus:long Redirected:bool OfflineAccessEnabled:bool LastSyncTime:datetime LastSuccessfulSyncTime:datetime LastSyncStatus:long'),
  USMUserProfile: cim('root/cimv2', 'Win32_UserProfile', 'SID LocalPath Loaded:bool Special:bool LastUseTime:datetime RoamingConfigured:bool RoamingPath HealthStatus:long RefCount:long Status:long'),
  VideoController: cim('root/cimv2', 'Win32_VideoController', 'DeviceID Name AdapterCompatibility VideoProcessor DriverVersion DriverDate:datetime AdapterRAM:long CurrentHorizontalResolution:long CurrentVerticalResolution:long CurrentRefreshRate:long PNPDeviceID Status'),
  VirtualMachine: cim('root/cimv2', 'Win32Reg_SMSGuestVirtualMachine', 'InstanceKey PhysicalHostName PhysicalHostNameFullyQualified'),
  VirtualMachine64: cim('root/cimv2', 'Win32Reg_SMSGuestVirtualMachine64', 'InstanceKey PhysicalHostName PhysicalHostNameFullyQualified'),
  Volume: cim('root/cimv2', 'Win32_Volume', 'DeviceID Name DriveLetter Label FileSystem DriveType:long Capacity:long FreeSpace:long BlockSize:long SerialNumber:long Automount:bool Compressed:bool IndexingEnabled:bool'),
  WindowsUpdate: cim('root/cimv2', 'Win32Reg_SMSWindowsUpdate', 'InstanceKey AUOptions:long NoAutoUpdate:long UseWUServer:long'),
  WindowsUpdateAgentVersion: cim('root/cimv2/sms', 'Win32_WindowsUpdateAgentVersion', 'Version'),
  WriteFilterState: cim('root/cimv2/sms', 'CCM_WriteFilterState', 'WriteFilterEnabled:bool'),
};
