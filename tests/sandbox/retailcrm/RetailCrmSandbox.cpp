// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCrmSandbox.h"

#include "RetailServer.h"

namespace Sandbox::RetailCrm {

RetailCrmSandbox::RetailCrmSandbox(const RetailSandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_host(QStringLiteral("retailcrm-sandbox"))
{ }

RetailCrmSandbox::~RetailCrmSandbox() = default;

bool RetailCrmSandbox::start(QString *error)
{
    return m_host.start(error, m_options);
}

void RetailCrmSandbox::stop()
{
    m_host.stop();
}

} // namespace Sandbox::RetailCrm
