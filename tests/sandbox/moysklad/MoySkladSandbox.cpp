// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladSandbox.h"

#include "MoySkladServer.h"

namespace Sandbox::MoySklad {

MoySkladSandbox::MoySkladSandbox(const MoySkladSandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_host(QStringLiteral("moysklad-sandbox"))
{ }

MoySkladSandbox::~MoySkladSandbox() = default;

bool MoySkladSandbox::start(QString *error)
{
    return m_host.start(error, m_options);
}

void MoySkladSandbox::stop()
{
    m_host.stop();
}

} // namespace Sandbox::MoySklad
