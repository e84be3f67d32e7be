// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxTestClient.h"
#include "amocrm/AmoCrmSandbox.h"

#include <memory>

namespace Sandbox::Testing {

/** Starts the amoCRM sandbox as the conformance suites use it — the demo seed, no rate limit (they are not
 *  about the budget) — and a control client on it; false with @p error when it cannot listen. */
inline bool startDemoAmoSandbox(std::unique_ptr<AmoCrm::AmoCrmSandbox> &sandbox,
                                std::unique_ptr<SandboxTestClient> &client, QString *error)
{
    AmoCrm::AmoSandboxOptions options;
    options.rate = 0;
    options.seed = QStringLiteral("demo");
    sandbox = std::make_unique<AmoCrm::AmoCrmSandbox>(options);
    if (!sandbox->start(error))
        return false;
    client = std::make_unique<SandboxTestClient>(sandbox->baseUrl());
    return true;
}

} // namespace Sandbox::Testing
