// SPDX-License-Identifier: GPL-3.0-or-later
// The amoCRM sandbox as the engine benchmarks run it: `crm-sandbox --seed demo` as a process of its own
// (so the figures are the engine's), its keys and a control client. Test code only.
#pragma once

#include "BenchSupport.h"
#include "fixtures/amocrm/AmoTestKit.h"

#include <memory>

namespace Bench {

struct DemoSandboxProcess
{
    QProcess process;
    std::unique_ptr<AmoTestKit::SandboxKeys> keys;
    std::unique_ptr<Sandbox::Testing::SandboxTestClient> control;

    /** Starts it and reads its ready line; false when it did not start. */
    bool start()
    {
        const QJsonObject ready
            = startSandbox(process, QStringLiteral(CRM_SANDBOX_EXE), { "--port", "0", "--seed", "demo" });
        if (ready.isEmpty())
            return false;
        keys = std::make_unique<AmoTestKit::SandboxKeys>(ready);
        control = std::make_unique<Sandbox::Testing::SandboxTestClient>(keys->baseUrl);
        return true;
    }

    void stop()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
};

} // namespace Bench
